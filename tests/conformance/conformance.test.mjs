// SPDX-License-Identifier: MIT
// Conformance: Particle's official JavaScript client, particle-api-js, used unchanged against
// flotilla-sandbox. Every call goes through `new Particle({ baseUrl })`; only the sandbox's own
// /admin routes (not part of the Particle API) are called with plain fetch, with the admin token
// of the start line.
//
// Run: FLOTILLA_SANDBOX=/path/to/flotilla-sandbox node --test conformance.test.mjs
// (CTest does this: `ctest -R conformance`). Needs `npm ci --prefix tests/conformance` first.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

let Particle;
try {
    ({ default: Particle } = await import('particle-api-js'));
} catch (error) {
    throw new Error('particle-api-js is not installed: run `npm ci --prefix tests/conformance` '
        + `from the repository root (${error.message})`);
}

const SANDBOX_ARGS = ['--port', '0', '--devices', '200', '--seed', '7', '--time-scale', '60',
    '--update-duration', '5', '--update-failure-rate', '0'];

let sandbox;        // the child process
let sandboxExit;    // resolves with { code, signal }
let sandboxStderr = '';
let start;          // the parsed start line
let particle;       // new Particle({ baseUrl })
let auth;           // the user token obtained through particle.login()
let slug;
let productId;
const openStreams = new Set();

// ---- helpers -------------------------------------------------------------------------------

const newDeviceId = () => randomBytes(12).toString('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(predicate, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await predicate();
        if (value)
            return value;
        if (Date.now() > deadline)
            assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(50);
    }
}

// Awaits a rejected particle-api-js call and checks the HTTP status it carries: a number, or
// '4xx' where the contract documents the refusal but not its exact status.
async function rejectsWith(promise, statusCode) {
    let error;
    try {
        await promise;
    } catch (e) {
        error = e;
    }
    assert.ok(error, `expected the call to fail with HTTP ${statusCode}, but it succeeded`);
    if (statusCode === '4xx')
        assert.ok(error.statusCode >= 400 && error.statusCode < 500, `unexpected status: ${error.message}`);
    else
        assert.equal(error.statusCode, statusCode, `unexpected status: ${error.message}`);
    assert.equal(typeof error.body, 'object', 'error bodies are JSON');
    return error;
}

async function admin(method, path, body) {
    const response = await fetch(`${start.url}/admin/${path}`, {
        method,
        headers: { Authorization: `Bearer ${start.admin_token}`,
            ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    assert.equal(response.status, 200, `admin ${method} ${path}`);
    return response.json();
}

// Every page of a product device listing, sorted by id (a stable order: the default order, last
// connection, changes while devices of the simulated fleet come and go between two pages).
async function allProductDevices(options = {}) {
    const devices = [];
    for (let page = 1; ; ++page) {
        const { statusCode, body } = await particle.listDevices({ product: slug, page, perPage: 100,
            sortAttr: 'deviceId', sortDir: 'asc', ...options, auth });
        assert.equal(statusCode, 200);
        devices.push(...body.devices);
        if (page >= body.meta.total_pages)
            return devices;
    }
}

async function getDevice(deviceId) {
    const { statusCode, body } = await particle.getDevice({ deviceId, product: slug, auth });
    assert.equal(statusCode, 200);
    return body;
}

function firstLine(stream, timeoutMs) {
    return new Promise((resolve, reject) => {
        const lines = createInterface({ input: stream });
        const timer = setTimeout(() => {
            lines.close();
            reject(new Error(`no start line within ${timeoutMs} ms; stderr:\n${sandboxStderr}`));
        }, timeoutMs);
        const onClose = () => {
            clearTimeout(timer);
            reject(new Error(`sandbox closed stdout without a start line; stderr:\n${sandboxStderr}`));
        };
        lines.once('close', onClose);
        lines.once('line', (line) => {
            clearTimeout(timer);
            lines.off('close', onClose);
            lines.close();
            resolve(line);
        });
    });
}

// ---- sandbox lifecycle ---------------------------------------------------------------------

before(async () => {
    const executable = process.env.FLOTILLA_SANDBOX;
    assert.ok(executable, 'set FLOTILLA_SANDBOX to the flotilla-sandbox executable');
    sandbox = spawn(executable, SANDBOX_ARGS, { stdio: ['ignore', 'pipe', 'pipe'] });
    sandboxExit = new Promise((resolve) => {
        sandbox.once('exit', (code, signal) => resolve({ code, signal }));
        sandbox.once('error', (error) => {
            sandboxStderr += `cannot run ${executable}: ${error.message}\n`;
            resolve({ error: error.message });
        });
    });
    sandbox.stderr.setEncoding('utf8');
    sandbox.stderr.on('data', (chunk) => {
        sandboxStderr = (sandboxStderr + chunk).slice(-20000);
    });
    start = JSON.parse(await firstLine(sandbox.stdout, 20000));
    assert.match(start.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'the sandbox serves on loopback only');
    slug = start.product.slug;
    productId = start.product.id;
    particle = new Particle({ baseUrl: start.url });
});

after(async () => {
    for (const stream of [...openStreams])
        closeStream(stream);
    if (!sandbox)
        return;
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve({ timeout: true }), 15000);
    });
    const early = await Promise.race([sandboxExit, Promise.resolve({ running: true })]);
    assert.ok(early.running, `the sandbox ended before the tests did (${JSON.stringify(early)}); `
        + `stderr:\n${sandboxStderr}`);
    sandbox.kill('SIGTERM');
    const result = await Promise.race([sandboxExit, timeout]);
    clearTimeout(timer);
    if (result.timeout) {
        sandbox.kill('SIGKILL');
        assert.fail('the sandbox did not exit within 15 s of SIGTERM');
    }
    assert.deepEqual(result, { code: 0, signal: null },
        `the sandbox must exit with code 0 on SIGTERM; stderr:\n${sandboxStderr}`);
});

// ---- authentication & product --------------------------------------------------------------

test('login with username and password (POST /oauth/token, password grant)', async () => {
    const { statusCode, body } = await particle.login({ username: start.username,
        password: start.password });
    assert.equal(statusCode, 200);
    assert.match(body.access_token, /^[0-9a-f]{40}$/);
    assert.equal(body.token_type.toLowerCase(), 'bearer');
    assert.equal(body.expires_in, particle.tokenDuration);
    assert.match(body.refresh_token, /^[0-9a-f]{40}$/, 'LoginResponse has a refresh_token');
    auth = body.access_token;

    const info = await particle.getUserInfo({ auth });
    assert.equal(info.body.username, start.username);

    const wrong = await rejectsWith(
        particle.login({ username: start.username, password: `${start.password}-wrong` }), 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    assert.match(wrong.shortErrorDescription, /credentials/i);

    await rejectsWith(particle.getUserInfo({ auth: 'f'.repeat(40) }), 401);
});

test('getProduct by slug and by id', async () => {
    const bySlug = await particle.getProduct({ product: slug, auth });
    assert.equal(bySlug.statusCode, 200);
    assert.equal(bySlug.body.product.id, productId);
    assert.equal(bySlug.body.product.slug, slug);
    assert.ok(bySlug.body.product.groups.includes('acme--berlin'));
    const byId = await particle.getProduct({ product: productId, auth });
    assert.equal(byId.body.product.slug, slug);
    await rejectsWith(particle.getProduct({ product: 'no-such-product', auth }), 404);
});

test('login with MFA: mfa_required, then sendOtp', async () => {
    const mfa = await admin('GET', 'mfa');
    const challenge = await rejectsWith(particle.login({ username: mfa.username,
        password: mfa.password }), 403);
    assert.equal(challenge.body.error, 'mfa_required');
    assert.ok(challenge.body.mfa_token, 'the 403 body carries an mfa_token');

    const wrongOtp = String((Number(mfa.otp) + 1) % 1000000).padStart(6, '0');
    await rejectsWith(particle.sendOtp({ mfaToken: challenge.body.mfa_token, otp: wrongOtp }), 400);
    // The OTP may have rolled over between the two calls: fetch a fresh one.
    const { otp } = await admin('GET', 'mfa');
    const { statusCode, body } = await particle.sendOtp({ mfaToken: challenge.body.mfa_token, otp });
    assert.equal(statusCode, 200);
    assert.match(body.access_token, /^[0-9a-f]{40}$/);
    assert.match(body.refresh_token, /^[0-9a-f]{40}$/);
    const info = await particle.getUserInfo({ auth: body.access_token });
    assert.equal(info.body.username, mfa.username);

    // deleteCurrentAccessToken revokes exactly that token.
    const deleted = await particle.deleteCurrentAccessToken({ auth: body.access_token });
    assert.equal(deleted.body.ok, true);
    await rejectsWith(particle.getUserInfo({ auth: body.access_token }), 401);
    assert.equal((await particle.getUserInfo({ auth })).statusCode, 200);
});

test('deleteAccessToken revokes another token of the account', async () => {
    const { body } = await particle.login({ username: start.username, password: start.password });
    const doomed = body.access_token;
    assert.equal((await particle.getUserInfo({ auth: doomed })).statusCode, 200);
    // particle-api-js sends the client's default token; the documented way is the account's
    // username and password, which particle-cli uses.
    const withDefaultAuth = new Particle({ baseUrl: start.url, auth });
    const deleted = await withDefaultAuth.deleteAccessToken({ token: doomed });
    assert.equal(deleted.statusCode, 200);
    assert.deepEqual(deleted.body, { ok: true });
    await rejectsWith(particle.getUserInfo({ auth: doomed }), 401);
    assert.equal((await particle.getUserInfo({ auth })).statusCode, 200);
    await rejectsWith(withDefaultAuth.deleteAccessToken({ token: doomed }), 404);
});

test('listProducts', async () => {
    const { statusCode, body } = await particle.listProducts({ auth });
    assert.equal(statusCode, 200);
    assert.deepEqual(body.products.map((p) => [p.id, p.slug]), [[productId, slug]]);
});

// ---- devices -------------------------------------------------------------------------------

test('listDevices with product, page and perPage', async () => {
    const all = await allProductDevices();
    assert.ok(all.length >= 150, `expected most of the 200 demo devices, got ${all.length}`);
    assert.equal(new Set(all.map((d) => d.id)).size, all.length, 'pages do not overlap');

    const first = await particle.listDevices({ product: slug, page: 1, perPage: 10,
        sortAttr: 'deviceId', sortDir: 'asc', auth });
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.devices.length, 10, 'perPage (sent as per_page) is honoured');
    assert.equal(first.body.meta.total_pages, Math.ceil(all.length / 10));
    assert.ok(Array.isArray(first.body.customers));
    const second = await particle.listDevices({ product: slug, page: 2, perPage: 10,
        sortAttr: 'deviceId', sortDir: 'asc', auth });
    assert.equal(second.body.devices.length, 10);
    const ids = [...first.body.devices, ...second.body.devices].map((d) => d.id);
    assert.deepEqual(ids, [...ids].sort(), 'sortAttr=deviceId&sortDir=asc across pages');
    assert.deepEqual(ids, all.map((d) => d.id).sort().slice(0, 20));

    for (const d of first.body.devices) {
        assert.match(d.id, /^[0-9a-f]{24}$/);
        assert.equal(d.product_id, productId);
        assert.equal(typeof d.online, 'boolean');
        assert.equal(typeof d.firmware_version, 'number');
        assert.ok(Array.isArray(d.groups));
    }

    const byId = await particle.listDevices({ product: slug, deviceId: ids[3].slice(0, 12), auth });
    assert.ok(byId.body.devices.some((d) => d.id === ids[3]), 'deviceId filter is a partial match');
    assert.ok(byId.body.devices.every((d) => d.id.includes(ids[3].slice(0, 12))));
});

test('listDevices with groups filter', async () => {
    const all = await allProductDevices();
    const expect = (names) => all.filter((d) => d.groups.some((g) => names.includes(g)))
        .map((d) => d.id).sort();
    const list = async (groups) => {
        const { body } = await particle.listDevices({ product: slug, groups, perPage: 10, auth });
        const pages = Math.ceil(expect(groups).length / 10);
        // The value for an empty result is undocumented: accept 0 or 1 then.
        assert.ok(body.meta.total_pages === pages || (pages === 0 && body.meta.total_pages === 1),
            `total_pages ${body.meta.total_pages} for ${expect(groups).length} devices`);
        return allProductDevices({ groups });
    };
    const berlin = await list(['acme--berlin']);
    assert.ok(berlin.length > 0, 'the demo fleet has devices in acme--berlin');
    assert.ok(berlin.every((d) => d.groups.includes('acme--berlin')));
    assert.deepEqual(berlin.map((d) => d.id), expect(['acme--berlin']));

    // Several groups (joined with commas by the client) mean "in any of them".
    const other = all.flatMap((d) => d.groups).find((g) => !g.startsWith('acme'));
    assert.ok(other, 'the demo fleet has a group outside acme');
    const both = await list(['acme--berlin', other]);
    assert.deepEqual(both.map((d) => d.id), expect(['acme--berlin', other]));
    assert.ok(both.length > berlin.length);

    const none = await list(['no-such-group']);
    assert.equal(none.length, 0);
});

test('getDevice with product', async () => {
    const [listed] = (await particle.listDevices({ product: slug, perPage: 1, auth })).body.devices;
    const device = await getDevice(listed.id);
    assert.equal(device.id, listed.id);
    assert.equal(device.product_id, productId);
    assert.equal(device.firmware_product_id, productId);
    assert.deepEqual(device.groups, listed.groups);
    assert.equal(device.firmware_version, listed.firmware_version);
    for (const key of ['desired_firmware_version', 'targeted_firmware_release_version', 'development',
        'quarantined', 'online', 'platform_id', 'serial_number', 'last_heard'])
        assert.ok(key in device, `device has ${key}`);
    // Also reachable without the product prefix, for a token that can see it.
    const plain = await particle.getDevice({ deviceId: listed.id, auth });
    assert.equal(plain.body.product_id, productId);

    const missing = await rejectsWith(particle.getDevice({ deviceId: newDeviceId(), product: slug,
        auth }), 404);
    assert.ok(missing.body.error || missing.body.error_description, 'the error body says why');
});

test('device groups via raw particle.put / particle.request (PUT /v1/products/:p/devices/:id)', async () => {
    const all = await allProductDevices();
    const device = all.find((d) => !d.development && d.desired_firmware_version === null);
    const uri = `/v1/products/${slug}/devices/${device.id}`;

    const put = await particle.put({ uri, data: { groups: ['conformance-a', 'acme'] }, auth });
    assert.equal(put.statusCode, 200);
    assert.equal(put.body.id, device.id);
    assert.deepEqual([...put.body.groups].sort(), ['acme', 'conformance-a']);
    assert.deepEqual([...(await getDevice(device.id)).groups].sort(), ['acme', 'conformance-a']);
    const listed = await particle.listDevices({ product: slug, groups: ['conformance-a'], auth });
    assert.deepEqual(listed.body.devices.map((d) => d.id), [device.id],
        'unknown group names are created on assignment');

    // The list is an absolute replacement.
    const replaced = await particle.request({ uri, method: 'put', auth,
        data: { groups: ['conformance-b'] } });
    assert.equal(replaced.statusCode, 200);
    assert.deepEqual(replaced.body.groups, ['conformance-b']);
    assert.deepEqual((await getDevice(device.id)).groups, ['conformance-b']);
    const emptied = await particle.listDevices({ product: slug, groups: ['conformance-a'], auth });
    assert.equal(emptied.body.devices.length, 0);

    const bad = await rejectsWith(particle.put({ uri, data: { groups: ['Not A Valid Name!'] }, auth }),
        '4xx');
    assert.ok(bad.body.error || bad.body.error_description, 'the error body says why');

    // Put it back where it was.
    await particle.put({ uri, data: { groups: device.groups }, auth });
    assert.deepEqual([...(await getDevice(device.id)).groups].sort(), [...device.groups].sort());
});

test('rename and notes via updateDevice', async () => {
    const [device] = (await particle.listDevices({ product: slug, perPage: 1, page: 3, auth }))
        .body.devices;
    const updated = await particle.updateDevice({ deviceId: device.id, product: slug, auth,
        name: 'conformance-renamed', notes: 'set by particle-api-js' });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.body.name, 'conformance-renamed');
    assert.equal(updated.body.notes, 'set by particle-api-js');
    const after = await getDevice(device.id);
    assert.equal(after.name, 'conformance-renamed');
    assert.equal(after.notes, 'set by particle-api-js');
    await particle.renameDevice({ deviceId: device.id, product: slug, name: device.name, auth });
    assert.equal((await getDevice(device.id)).name, device.name);

    // Without a product: PUT /v1/devices/:id, which a team member may use for product devices.
    const plain = await particle.renameDevice({ deviceId: device.id, name: 'renamed-plainly', auth });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.body.id, device.id);
    assert.equal(plain.body.name, 'renamed-plainly');
    assert.equal((await getDevice(device.id)).name, 'renamed-plainly');
    const missing = await rejectsWith(particle.renameDevice({ deviceId: newDeviceId(), name: 'x',
        auth }), 404);
    assert.match(missing.body.info, /didn't recognize that device/);
    await particle.renameDevice({ deviceId: device.id, name: device.name, auth });
    assert.equal((await getDevice(device.id)).name, device.name);

    // Signalling (sent as signal=1) needs a connected device.
    const online = (await allProductDevices()).find((d) => d.online);
    await admin('PUT', `devices/${online.id}`, { online: true }); // keep it so (no-op if it is)
    const signal = await particle.signalDevice({ deviceId: online.id, product: slug, signal: true,
        auth });
    assert.equal(signal.statusCode, 200);
    assert.equal(signal.body.id, online.id);
    assert.equal(signal.body.signaling, true);
    const stop = await particle.signalDevice({ deviceId: online.id, product: slug, signal: false,
        auth });
    assert.equal(stop.body.signaling, false);
});

test('lockDeviceProductFirmware / unlockDeviceProductFirmware', async () => {
    const all = await allProductDevices();
    const device = all.find((d) => !d.development && d.desired_firmware_version === null
        && d.targeted_firmware_release_version !== null);
    const version = device.targeted_firmware_release_version === 2 ? 3 : 2;

    const locked = await particle.lockDeviceProductFirmware({ deviceId: device.id, product: slug,
        desiredFirmwareVersion: version, flash: false, auth });
    assert.equal(locked.statusCode, 200);
    assert.equal(locked.body.desired_firmware_version, version);
    assert.deepEqual(Object.keys(locked.body).sort(), ['desired_firmware_version', 'id', 'updated_at'],
        'the documented lock answer (no flash)');
    let now = await getDevice(device.id);
    assert.equal(now.desired_firmware_version, version);
    assert.equal(now.targeted_firmware_release_version, version, 'a lock beats every release');

    const unlocked = await particle.unlockDeviceProductFirmware({ deviceId: device.id,
        product: slug, auth });
    assert.equal(unlocked.statusCode, 200);
    assert.equal(unlocked.body.desired_firmware_version, null);
    now = await getDevice(device.id);
    assert.equal(now.desired_firmware_version, null);
    assert.equal(now.targeted_firmware_release_version, device.targeted_firmware_release_version);

    await rejectsWith(particle.lockDeviceProductFirmware({ deviceId: device.id, product: slug,
        desiredFirmwareVersion: 999, auth }), '4xx');
    assert.equal((await getDevice(device.id)).desired_firmware_version, null);

    // updateDevice sends several fields in one PUT.
    const combined = await particle.updateDevice({ deviceId: device.id, product: slug, auth,
        desiredFirmwareVersion: version, flash: false, notes: 'locked by conformance' });
    assert.equal(combined.body.desired_firmware_version, version);
    now = await getDevice(device.id);
    assert.equal(now.desired_firmware_version, version);
    assert.equal(now.notes, 'locked by conformance');
    await particle.updateDevice({ deviceId: device.id, product: slug, auth,
        desiredFirmwareVersion: null, notes: null });
    now = await getDevice(device.id);
    assert.equal(now.desired_firmware_version, null);
    assert.equal(now.notes, null);
});

test('markAsDevelopmentDevice (development true and false)', async () => {
    const all = await allProductDevices();
    const device = all.find((d) => !d.development && d.desired_firmware_version === null
        && d.targeted_firmware_release_version !== null);

    const marked = await particle.markAsDevelopmentDevice({ deviceId: device.id, product: slug,
        auth });
    assert.equal(marked.statusCode, 200);
    assert.equal(marked.body.development, true);
    let now = await getDevice(device.id);
    assert.equal(now.development, true);
    assert.equal(now.targeted_firmware_release_version, null,
        'development devices are not targeted by releases');

    const unmarked = await particle.markAsDevelopmentDevice({ deviceId: device.id, product: slug,
        development: false, auth });
    assert.equal(unmarked.body.development, false);
    now = await getDevice(device.id);
    assert.equal(now.development, false);
    assert.equal(now.targeted_firmware_release_version, device.targeted_firmware_release_version);
});

// ---- import, customers, claiming, unclaiming, removal ---------------------------------------

const imported = {}; // factory stock units, from the sandbox's /admin/stock
const customer = { email: `conformance-${randomBytes(4).toString('hex')}@example.com`,
    password: 'conformance-password' };

test('addDeviceToProduct (JSON id and multipart file)', async () => {
    const { stock } = await admin('GET', 'stock');
    assert.ok(stock.length >= 2, 'the demo fleet has factory stock');
    imported.byId = stock[0].id;
    imported.byFile = stock[1].id;
    await rejectsWith(particle.getDevice({ deviceId: imported.byId, product: slug, auth }), 404);

    const added = await particle.addDeviceToProduct({ deviceId: imported.byId, product: slug,
        auth });
    assert.equal(added.statusCode, 200);
    assert.equal(added.body.updated, 1);
    assert.deepEqual(added.body.updatedDeviceIds, [imported.byId]);
    assert.deepEqual(added.body.invalidDeviceIds, []);
    const device = await getDevice(imported.byId);
    assert.equal(device.product_id, productId);
    assert.equal(device.owner ?? null, null, 'imported without claim_user: unclaimed');

    const again = await particle.addDeviceToProduct({ deviceId: imported.byId, product: slug,
        auth });
    assert.equal(again.body.updated, 0);
    assert.deepEqual(again.body.existingDeviceIds, [imported.byId]);

    // A file may list device IDs, serial numbers, IMEIs or ICCIDs.
    const fromFile = await particle.addDeviceToProduct({ product: slug, auth,
        file: Buffer.from(`${stock[1].imei}\r\nnot-a-device\r\n`) });
    assert.equal(fromFile.statusCode, 200);
    assert.equal(fromFile.body.updated, 1);
    assert.deepEqual(fromFile.body.updatedDeviceIds, [stock[1].imei]);
    assert.deepEqual(fromFile.body.invalidDeviceIds, ['not-a-device']);
    assert.equal((await getDevice(imported.byFile)).product_id, productId);
});

test('addDeviceToProduct with an id Particle does not know, or of another product', async () => {
    const unknown = newDeviceId();
    const answer = await particle.addDeviceToProduct({ deviceId: unknown, product: slug, auth });
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.body.updated, 0);
    assert.deepEqual(answer.body.updatedDeviceIds, []);
    assert.deepEqual(answer.body.invalidDeviceIds, [unknown]);
    await rejectsWith(particle.getDevice({ deviceId: unknown, product: slug, auth }), 404);

    const { other_product: other } = await admin('GET', 'stock');
    const foreign = await particle.addDeviceToProduct({ deviceId: other[0].id, product: slug, auth });
    assert.equal(foreign.body.updated, 0);
    assert.deepEqual(foreign.body.nonmemberDeviceIds, [other[0].id]);
});

test('createCustomer with the product OAuth client, claimDevice with the customer token', async () => {
    const client = new Particle({ baseUrl: start.url, clientId: start.oauth_client.id,
        clientSecret: start.oauth_client.secret });
    const created = await client.createCustomer({ product: slug, ...customer });
    assert.equal(created.statusCode, 201);
    assert.match(created.body.access_token, /^[0-9a-f]{40}$/);
    assert.ok(created.body.refresh_token);
    assert.equal(created.body.token_type.toLowerCase(), 'bearer');
    customer.token = created.body.access_token;

    const duplicate = await rejectsWith(client.createCustomer({ product: slug, ...customer }), '4xx');
    assert.ok(duplicate.body.error || duplicate.body.error_description, 'the error body says why');
    const wrongSecret = new Particle({ baseUrl: start.url, clientId: start.oauth_client.id,
        clientSecret: 'wrong' });
    await rejectsWith(wrongSecret.createCustomer({ product: slug, email: 'x@example.com',
        password: 'p' }), '4xx');

    // The same client can also obtain a product token (client_credentials without scope).
    const owner = await client.loginAsClientOwner();
    assert.equal(owner.statusCode, 200);
    const viaProductToken = await particle.getDevice({ deviceId: imported.byId, product: slug,
        auth: owner.body.access_token });
    assert.equal(viaProductToken.body.id, imported.byId);

    const claimed = await particle.claimDevice({ deviceId: imported.byId, auth: customer.token });
    assert.equal(claimed.statusCode, 200);
    assert.equal(claimed.body.ok, true);
    assert.equal((await getDevice(imported.byId)).owner, customer.email);

    const mine = await particle.listDevices({ auth: customer.token });
    assert.deepEqual(mine.body.map((d) => d.id), [imported.byId]);
    const own = await particle.getDevice({ deviceId: imported.byId, auth: customer.token });
    assert.equal(own.body.id, imported.byId);
    // Customer tokens cannot call product APIs.
    await rejectsWith(particle.getDevice({ deviceId: imported.byId, product: slug,
        auth: customer.token }), 403);
    // ... nor claim a device that is already someone else's; particle-cli recognises the
    // refusal by this text.
    const taken = await rejectsWith(particle.claimDevice({ deviceId: imported.byId, auth }), '4xx');
    assert.ok(JSON.stringify(taken.body).includes('That belongs to someone else.'),
        JSON.stringify(taken.body));
    assert.equal((await getDevice(imported.byId)).owner, customer.email);
});

test('removeDeviceOwner unclaims but keeps the device in the product', async () => {
    const removed = await particle.removeDeviceOwner({ deviceId: imported.byId, product: slug,
        auth });
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.body.ok, true);
    const device = await getDevice(imported.byId);
    assert.equal(device.owner ?? null, null);
    assert.equal(device.product_id, productId);
    const mine = await particle.listDevices({ auth: customer.token });
    assert.deepEqual(mine.body, []);
});

test('removeDevice removes the device from the product', async () => {
    const removed = await particle.removeDevice({ deviceId: imported.byFile, product: slug, auth });
    assert.equal(removed.statusCode, 204);
    await rejectsWith(particle.getDevice({ deviceId: imported.byFile, product: slug, auth }), 404);
    const listed = await particle.listDevices({ product: slug, deviceId: imported.byFile, auth });
    assert.equal(listed.body.devices.length, 0);
    await rejectsWith(particle.removeDevice({ deviceId: imported.byFile, product: slug, auth }), 404);
    // It can be imported again.
    const back = await particle.addDeviceToProduct({ deviceId: imported.byFile, product: slug, auth });
    assert.deepEqual(back.body.updatedDeviceIds, [imported.byFile]);
});

// ---- product firmware ----------------------------------------------------------------------

test('listProductFirmware, uploadProductFirmware, releaseProductFirmware', async () => {
    const listed = await particle.listProductFirmware({ product: slug, auth });
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.body.map((f) => f.version).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(listed.body.filter((f) => f.product_default).map((f) => f.version), [4]);
    for (const f of listed.body) {
        assert.equal(typeof f.title, 'string');
        assert.equal(typeof f.size, 'number');
        assert.ok(Array.isArray(f.groups));
    }

    // Upload from a Buffer ...
    const binary = randomBytes(4096);
    const uploaded = await particle.uploadProductFirmware({ product: slug, auth, file: binary,
        version: 7, title: 'Conformance 7', description: 'uploaded by particle-api-js' });
    assert.equal(uploaded.statusCode, 201);
    assert.equal(uploaded.body.version, 7);
    assert.equal(uploaded.body.title, 'Conformance 7');
    assert.equal(uploaded.body.description, 'uploaded by particle-api-js');
    assert.equal(uploaded.body.size, binary.length);
    assert.equal(uploaded.body.product_default, false);
    const downloaded = await particle.downloadProductFirmware({ product: slug, version: 7, auth });
    assert.ok(Buffer.from(downloaded).equals(binary), 'the binary round-trips unchanged');

    // ... and from a file path (streamed by form-data, without a Content-Length).
    const dir = mkdtempSync(join(tmpdir(), 'flotilla-conformance-'));
    try {
        const path = join(dir, 'v8.bin');
        writeFileSync(path, randomBytes(70000));
        const fromFile = await particle.uploadProductFirmware({ product: slug, auth, file: path,
            version: 8, title: 'Conformance 8' });
        assert.equal(fromFile.statusCode, 201);
        assert.equal(fromFile.body.size, 70000);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    const duplicate = await rejectsWith(particle.uploadProductFirmware({ product: slug, auth,
        file: binary, version: 7, title: 'again' }), '4xx');
    assert.ok(duplicate.body.error || duplicate.body.error_description, 'the error body says why');

    const fw7 = await particle.getProductFirmware({ product: slug, version: 7, auth });
    assert.equal(fw7.body.title, 'Conformance 7');
    const edited = await particle.updateProductFirmware({ product: slug, version: 7, auth,
        title: 'Conformance 7 (edited)', description: 'edited by particle-api-js' });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.body.title, 'Conformance 7 (edited)');
    assert.equal((await particle.getProductFirmware({ product: slug, version: 7, auth }))
        .body.description, 'edited by particle-api-js');
    await particle.updateProductFirmware({ product: slug, version: 7, auth, title: 'Conformance 7' });
    assert.ok((await particle.listProductFirmware({ product: slug, auth })).body
        .some((f) => f.version === 7 && f.title === 'Conformance 7'));

    // A version that never ran on a device cannot be released yet.
    await rejectsWith(particle.releaseProductFirmware({ product: slug, version: 7,
        product_default: true, auth }), '4xx');
    assert.equal((await particle.getProductFirmware({ product: slug, version: 7, auth }))
        .body.product_default, false);

    // v6 has run on a device: release it to a group, then as the product default.
    const toGroup = await particle.releaseProductFirmware({ product: slug, version: 6,
        groups: ['acme--berlin--test'], auth });
    assert.equal(toGroup.statusCode, 200);
    assert.equal(toGroup.body.version, 6);
    assert.deepEqual(toGroup.body.groups, ['acme--berlin--test']);
    const testDevice = (await particle.listDevices({ product: slug, groups: ['acme--berlin--test'],
        auth })).body.devices.find((d) => !d.development && d.desired_firmware_version === null);
    if (testDevice)
        assert.equal((await getDevice(testDevice.id)).targeted_firmware_release_version, 6);

    const asDefault = await particle.releaseProductFirmware({ product: slug, version: 6,
        product_default: true, groups: ['acme--berlin--test'], auth });
    assert.equal(asDefault.body.product_default, true);
    const after = await particle.listProductFirmware({ product: slug, auth });
    assert.deepEqual(after.body.filter((f) => f.product_default).map((f) => f.version), [6]);
    const fw6 = await particle.getProductFirmware({ product: slug, version: 6, auth });
    assert.equal(fw6.body.product_default, true);
    assert.deepEqual(fw6.body.groups, ['acme--berlin--test']);

    await rejectsWith(particle.releaseProductFirmware({ product: slug, version: 99,
        product_default: true, auth }), 404);
});

// ---- variables, functions and flashing a binary ----------------------------------------------

// An online device that runs its target, and so takes no update just now.
async function settledOnlineDevice(skip = 0) {
    const all = await allProductDevices();
    const candidates = all.filter((d) => d.online && !d.development && d.desired_firmware_version === null
        && d.firmware_version === d.targeted_firmware_release_version);
    assert.ok(candidates.length > skip, 'online, up-to-date devices exist');
    const device = candidates[skip];
    await admin('PUT', `devices/${device.id}`, { online: true }); // keep it so
    return device;
}

test('getVariable and callFunction, with and without product', async () => {
    const device = await settledOnlineDevice();
    assert.deepEqual(device.functions, ['cmd', 'led']);
    assert.equal(device.variables.temperature, 'double');

    const temperature = await particle.getVariable({ deviceId: device.id, name: 'temperature',
        product: slug, auth });
    assert.equal(temperature.statusCode, 200);
    assert.equal(temperature.body.name, 'temperature');
    assert.equal(typeof temperature.body.result, 'number');
    assert.equal(temperature.body.coreInfo.deviceID, device.id);
    const version = await particle.getVariable({ deviceId: device.id, name: 'version', auth });
    assert.equal(version.body.result, device.firmware_version);

    const missing = await rejectsWith(particle.getVariable({ deviceId: device.id, name: 'humidity',
        product: slug, auth }), 404);
    assert.equal(missing.body.error, 'Variable not found');

    const on = await particle.callFunction({ deviceId: device.id, name: 'led', argument: 'on',
        product: slug, auth });
    assert.equal(on.statusCode, 200);
    assert.equal(on.body.return_value, 1);
    assert.equal(on.body.connected, true);
    const ping = await particle.callFunction({ deviceId: device.id, name: 'cmd', argument: 'ping',
        auth });
    assert.equal(ping.body.return_value, 1);
    const unknown = await rejectsWith(particle.callFunction({ deviceId: device.id, name: 'reboot',
        argument: '', product: slug, auth }), 404);
    assert.equal(unknown.body.error, 'Function reboot not found');
});

test('flashDevice with a binary file (product device)', async () => {
    const device = await settledOnlineDevice(1);
    const version = device.firmware_version === 3 ? 2 : 3;
    const binary = await particle.downloadProductFirmware({ product: slug, version, auth });
    const stream = await openStream({ product: slug, deviceId: device.id });
    const flashed = await particle.flashDevice({ deviceId: device.id, product: slug, auth,
        files: { [`tracker-v${version}.bin`]: Buffer.from(binary) } });
    assert.equal(flashed.statusCode, 200);
    assert.deepEqual(flashed.body, { id: device.id, status: 'Update started' });
    // The same sequence as a lock with flash, the device back online running the binary's version.
    await until(() => stream.events.some((e) => e.name === 'spark/status' && e.data === 'online'
        && e.version === version), 30000, `${device.id} online running version ${version}`);
    const names = stream.events.map((e) => `${e.name}=${String(e.data).trim()}`);
    assert.deepEqual(names.slice(0, 5), ['spark/status=auto-update', 'spark/flash/status=started',
        'spark/flash/status=success', 'spark/status=offline', 'spark/status=online']);
    // Not its target: the cloud brings it back to its target at once.
    await until(async () => (await getDevice(device.id)).firmware_version === device.firmware_version,
        30000, `${device.id} back on version ${device.firmware_version}`);
    closeStream(stream.stream);
    assert.deepEqual(stream.problems, []);

    const unknown = await rejectsWith(particle.flashDevice({ deviceId: newDeviceId(), product: slug,
        auth, files: { 'x.bin': Buffer.from(binary) } }), 404);
    assert.equal(unknown.body.error, 'Device not found for this product');
});

// ---- events --------------------------------------------------------------------------------

// Opens a stream through particle.getEventStream and records what it delivers.
async function openStream(options, filter = () => true) {
    const stream = await particle.getEventStream({ ...options, auth });
    openStreams.add(stream);
    const recorded = { stream, events: [], problems: [] };
    stream.on('event', (event) => {
        if (filter(event))
            recorded.events.push(event);
    });
    stream.on('error', (error) => recorded.problems.push(error));
    stream.on('disconnect', () => recorded.problems.push(new Error('the stream disconnected')));
    return recorded;
}

// Closes a stream the way a client does: EventStream.abort().
function closeStream(stream) {
    stream.abort();
    openStreams.delete(stream);
    assert.equal(stream.req, undefined, 'abort() drops the request');
    // abort() leaves the 15 s idle timer of particle-api-js 12.0.3 armed (it fires harmlessly
    // once req is gone); unref it so it does not keep this process alive for 15 s.
    stream.idleTimeout?.unref?.();
}

test('getEventStream({ product }) sees a lock-and-flash sequence', async () => {
    const all = await allProductDevices();
    const device = all.find((d) => d.online && !d.development && d.desired_firmware_version === null
        && d.firmware_version === d.targeted_firmware_release_version);
    assert.ok(device, 'an online, up-to-date device exists');
    const version = device.firmware_version === 5 ? 3 : 5;
    // Make sure it stays online for the test (no-op when it already is).
    await admin('PUT', `devices/${device.id}`, { online: true });

    const product = await openStream({ product: slug }, (e) => e.coreid === device.id);
    // The client URL-encodes the name: /v1/products/:p/devices/:id/events/spark%2Fflash
    const flashOnly = await openStream({ product: slug, deviceId: device.id, name: 'spark/flash' });
    const other = await openStream({ product: slug, name: 'particle/firmware' });
    assert.equal((await admin('GET', 'stats')).open_streams, 3);

    const locked = await particle.lockDeviceProductFirmware({ deviceId: device.id, product: slug,
        desiredFirmwareVersion: version, flash: true, auth });
    assert.equal(locked.statusCode, 200);
    assert.equal(locked.body.desired_firmware_version, version);

    const events = product.events;
    await until(() => events.some((e) => e.name === 'spark/status' && e.data === 'online'
        && e.version === version), 30000,
        `spark/status online with version ${version} from ${device.id}`);

    const index = (name, prefix, from = 0) => events.findIndex((e, i) => i >= from
        && e.name === name && String(e.data).startsWith(prefix));
    const started = index('spark/flash/status', 'started');
    const success = index('spark/flash/status', 'success', started);
    const offline = index('spark/status', 'offline', success);
    const online = events.findIndex((e, i) => i > offline && e.name === 'spark/status'
        && e.data === 'online' && e.version === version);
    assert.ok(started >= 0, 'spark/flash/status started');
    assert.ok(success > started, 'spark/flash/status success after started');
    assert.ok(offline > success, 'spark/status offline after success');
    assert.ok(online > offline, 'spark/status online after the reboot');
    for (const e of events) {
        assert.equal(e.coreid, device.id);
        assert.equal(typeof e.name, 'string');
        assert.equal(typeof e.data, 'string');
        assert.ok(!Number.isNaN(Date.parse(e.published_at)), 'published_at is a date');
        assert.equal(e.productID, productId);
    }

    // The device stream with a name prefix containing '/' got exactly the flash events.
    await until(() => flashOnly.events.length >= 2, 5000, 'flash events on the device stream');
    assert.ok(flashOnly.events.every((e) => e.name.startsWith('spark/flash')
        && e.coreid === device.id), JSON.stringify(flashOnly.events));
    assert.deepEqual(flashOnly.events.map((e) => e.data.trim()),
        events.filter((e) => e.name === 'spark/flash/status').map((e) => e.data.trim()));

    const now = await getDevice(device.id);
    assert.equal(now.firmware_version, version);
    assert.equal(now.desired_firmware_version, version);
    assert.equal(now.targeted_firmware_release_version, version);

    // publishEvent to the product reaches product streams whose prefix matches.
    const published = await particle.publishEvent({ product: slug, name: 'particle/firmware/conformance',
        data: 'hello', isPrivate: true, auth });
    assert.equal(published.body.ok, true);
    await until(() => other.events.some((e) => e.name === 'particle/firmware/conformance'
        && e.data === 'hello'), 5000, 'the published event');
    assert.ok(other.events.every((e) => e.name.startsWith('particle/firmware')));

    for (const { problems } of [product, flashOnly, other])
        assert.deepEqual(problems, []);

    // Closing the streams ends them cleanly: no reconnect, and the server lets go of them.
    for (const { stream } of [product, flashOnly, other])
        closeStream(stream);
    await until(async () => (await admin('GET', 'stats')).open_streams === 0, 5000,
        'the sandbox to close the event streams');
    for (const { problems } of [product, flashOnly, other])
        assert.deepEqual(problems, []);

    await particle.unlockDeviceProductFirmware({ deviceId: device.id, product: slug, auth });
    assert.equal((await getDevice(device.id)).desired_firmware_version, null);
});
