// SPDX-License-Identifier: MIT
// Baseline of the data layer benchmark: a full sync of the product the way a user would write it
// today with Particle's official JavaScript client, particle-api-js. One `new Particle({ baseUrl })`,
// the product's groups, firmware and customers listed once (the same three lists Flotilla's pull
// reads), then every page of the device list, one request after the other, with the library's
// default sort, collecting the devices into an array.
//
//   node bench/baseline-sync.mjs START_LINE_JSON EXPECTED_DEVICES [PER_PAGE] [TIMEOUT_S] [SORT_ATTR]
//
// SORT_ATTR (e.g. deviceId) is passed to listDevices as sortAttr; empty or absent, no sortAttr is
// sent and the cloud's default order applies (last connection, newest first), which moves while
// devices connect and disconnect.
// START_LINE_JSON is the sandbox's start line ({"url","token","product":{"id"},...}).
// Prints one JSON object on stdout:
//   {"seconds","requests","pages","devices","unique","groups","firmware","customers"}
// where seconds is the wall time from the first request to the last answer.
// Exits 1 (with a message on stderr) on any failed request, a timeout, a duplicate or a missing
// device. Only talks to the start line's URL, which must be on 127.0.0.1.
//
// particle-api-js is the copy installed for the conformance test (npm ci --prefix
// tests/conformance); it is resolved from tests/conformance/package.json, so the benchmark needs
// no package of its own.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [startLine, expectedArg, perPageArg = '100', timeoutArg = '600', sortArg = ''] =
    process.argv.slice(2);
const fail = (message) => {
    process.stderr.write(`baseline-sync: ${message}\n`);
    process.exit(1);
};
if (!startLine || !expectedArg)
    fail('usage: baseline-sync.mjs START_LINE_JSON EXPECTED_DEVICES [PER_PAGE] [TIMEOUT_S] [SORT_ATTR]');

let Particle;
try {
    const conformance = fileURLToPath(new URL('../tests/conformance/package.json', import.meta.url));
    Particle = createRequire(conformance)('particle-api-js');
} catch (e) {
    fail('particle-api-js is not installed: run `npm ci --prefix tests/conformance` from the '
        + `repository root (${e.message})`);
}

let start;
try {
    start = JSON.parse(startLine);
} catch (e) {
    fail(`the start line is not JSON: ${e.message}`);
}
if (new URL(start.url).hostname !== '127.0.0.1')
    fail(`refusing to talk to ${new URL(start.url).hostname}: only 127.0.0.1 is allowed`);
const expected = Number(expectedArg);
const perPage = Number(perPageArg);
const timeoutS = Number(timeoutArg);
const sortAttr = sortArg || undefined; // undefined: not sent
// At most this many device pages, whatever the server says (the expected pages plus a little slack).
const maxPages = Math.ceil(expected / perPage) + 10;

// The library has no per-request timeout: bound the whole run instead.
const watchdog = setTimeout(() => fail(`timed out after ${timeoutS} s`), timeoutS * 1000);

const particle = new Particle({ baseUrl: start.url });
const auth = start.token;
const product = start.product.id;

const describe = (e) => `${e.statusCode ?? ''} ${e.errorDescription ?? e.message ?? e}`.trim();
let requests = 0;
async function call(what, request) {
    ++requests;
    try {
        return (await request()).body;
    } catch (e) {
        fail(`${what}: ${describe(e)}`);
    }
}

const t0 = process.hrtime.bigint();

// The product's groups, firmware and customers, once. The library has a call for the firmware
// list; the other two go through its generic get().
const groups = await call('groups', () => particle.get({ uri: `/v1/products/${product}/groups`, auth }));
const firmware = await call('firmware', () => particle.listProductFirmware({ product, auth }));
const customers = await call('customers',
    () => particle.get({ uri: `/v1/products/${product}/customers`, auth }));

// Every page of the device list, sequentially (with the library's default sort unless asked).
const devices = [];
let pages = 0;
for (let page = 1; ; ++page) {
    if (page > maxPages)
        fail(`more than the ${maxPages} pages expected`);
    const body = await call(`devices page ${page}`,
        () => particle.listDevices({ product, page, perPage, sortAttr, auth }));
    ++pages;
    if (!Array.isArray(body?.devices) || typeof body?.meta?.total_pages !== 'number')
        fail(`devices page ${page}: no devices array or meta.total_pages`);
    devices.push(...body.devices);
    if (page >= body.meta.total_pages)
        break;
}

const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
clearTimeout(watchdog);

const unique = new Set(devices.map((d) => d.id)).size;
const result = {
    seconds, requests, pages, devices: devices.length, unique, sort: sortArg || 'default',
    groups: groups?.groups?.length ?? null,
    firmware: Array.isArray(firmware) ? firmware.length : null,
    customers: customers?.customers?.length ?? null,
};
if (unique !== devices.length)
    fail(`received ${devices.length} devices but only ${unique} unique ids: ${JSON.stringify(result)}`);
if (unique !== expected)
    fail(`received ${unique} unique devices, expected ${expected}: ${JSON.stringify(result)}`);
if (result.groups === null || result.firmware === null || result.customers === null)
    fail(`the groups, firmware or customers list has an unexpected shape: ${JSON.stringify(result)}`);
process.stdout.write(JSON.stringify(result) + '\n');
