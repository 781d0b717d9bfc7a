// SPDX-License-Identifier: MIT
// Lists every device of the sandbox's product through the REST API, one page after the other
// (sequential requests on one keep-alive connection), and checks that the listing is complete.
//
//   node bench/list-devices.mjs START_LINE_JSON EXPECTED_DEVICES [PER_PAGE] [TIMEOUT_S]
//
// START_LINE_JSON is the sandbox's start line ({"url","token","product":{"id"},...}).
// Prints one JSON object on stdout: {"pages","devices","unique","seconds","pages_per_s"}.
// Exits 1 (with a message on stderr) on any HTTP error, an out-of-order page, a duplicate or a
// missing device. Only talks to the start line's URL, which must be on 127.0.0.1.

const [startLine, expectedArg, perPageArg = '100', timeoutArg = '600'] = process.argv.slice(2);
const fail = (message) => {
    process.stderr.write(`list-devices: ${message}\n`);
    process.exit(1);
};
if (!startLine || !expectedArg)
    fail('usage: list-devices.mjs START_LINE_JSON EXPECTED_DEVICES [PER_PAGE] [TIMEOUT_S]');

let start;
try {
    start = JSON.parse(startLine);
} catch (e) {
    fail(`the start line is not JSON: ${e.message}`);
}
const base = new URL(start.url);
if (base.hostname !== '127.0.0.1')
    fail(`refusing to talk to ${base.hostname}: only 127.0.0.1 is allowed`);
const expected = Number(expectedArg);
const perPage = Number(perPageArg);
const deadline = Date.now() + Number(timeoutArg) * 1000;
// At most this many requests, whatever the server says (the expected pages plus a little slack).
const maxPages = Math.ceil(expected / perPage) + 10;
const headers = { Authorization: `Bearer ${start.token}` };

async function page(n) {
    const left = deadline - Date.now();
    if (left <= 0)
        fail(`timed out after ${timeoutArg} s at page ${n}`);
    const url = new URL(`/v1/products/${start.product.id}/devices`, base);
    url.search = new URLSearchParams({ page: String(n), perPage: String(perPage),
                                       sortAttr: 'deviceId', sortDir: 'asc' }).toString();
    let response;
    try {
        response = await fetch(url, { headers, signal: AbortSignal.timeout(Math.min(left, 60000)) });
    } catch (e) {
        fail(`page ${n}: ${e.message}`);
    }
    const body = await response.text();
    if (response.status !== 200)
        fail(`page ${n}: HTTP ${response.status}: ${body.slice(0, 200)}`);
    return JSON.parse(body);
}

const ids = new Set();
let received = 0;
let previous = '';
let totalPages = 1;
let pages = 0;
const t0 = process.hrtime.bigint();
for (let n = 1; n <= totalPages; ++n) {
    if (n > maxPages)
        fail(`the server reports ${totalPages} pages, more than the ${maxPages} expected`);
    const body = await page(n);
    ++pages;
    totalPages = body.meta.total_pages;
    if (!Array.isArray(body.devices) || !Array.isArray(body.customers))
        fail(`page ${n}: no devices or customers array`);
    if (n < totalPages && body.devices.length !== perPage)
        fail(`page ${n} of ${totalPages} has ${body.devices.length} devices, not ${perPage}`);
    for (const d of body.devices) {
        if (typeof d.id !== 'string' || d.id <= previous)
            fail(`page ${n}: device ${d.id} is not after ${previous} (sortAttr=deviceId&sortDir=asc)`);
        previous = d.id;
        ids.add(d.id);
        ++received;
    }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (ids.size !== received)
    fail(`received ${received} devices but only ${ids.size} unique ids`);
if (ids.size !== expected)
    fail(`received ${ids.size} unique devices, expected ${expected}`);
process.stdout.write(JSON.stringify({ pages, devices: received, unique: ids.size, seconds,
                                      pages_per_s: pages / seconds }) + '\n');
