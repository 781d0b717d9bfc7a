<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Flotilla::App</name>
    <message>
        <source>Flotilla, the operations console for Particle device fleets. Without --api it starts a fresh sandbox cloud with a demo fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle API base URL (https), e.g. https://api.particle.io.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product ID (with --api).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the access token in memory only (tests; nothing is remembered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: devices in the demo fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: simulated time runs X times faster (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: one more argument for flotilla-sandbox (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api URL and --product ID go together (a positive product ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder for the session: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flotillactl on this sandbox (the console shows what it does):
  export FLOTILLA_TOKEN=%1
  flotillactl --api %2 --product %3 --cache %4 status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::App::AppContext</name>
    <message>
        <source>The local cache %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window sends the changes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are sent by another Flotilla on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are sent by another Flotilla on this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Flotilla program has this fleet&apos;s local cache open and sends its changes and runs its rollouts. Edits made here are saved and sent by it; this window shows what it does. This window takes over when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unreadable cache is kept as %1; a new one is read from the cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in, but the token or the OAuth client could not be kept in the system keychain (%1): Flotilla will ask for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth client could not be kept in the system keychain (%1); this session uses it until it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product&apos;s OAuth client is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product&apos;s OAuth client is saved in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::App::SandboxLauncher</name>
    <message>
        <source>The sandbox did not start in time. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s start line is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox exited before it was ready (exit code %1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOTILLA_SANDBOX is set to %1, which is not an executable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox cloud (flotilla-sandbox) was not found next to Flotilla or in the build tree; set FLOTILLA_SANDBOX to its path, or use --api and --product for the real cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its last messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Ctl</name>
    <message>
        <source>--profile, or --api with --product: not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api URL and --product ID_OR_SLUG go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: sign in with &quot;flotillactl login&quot;, or name a cloud with --api URL --product ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several profiles and none is the default: choose one with --profile NAME (&quot;flotillactl profiles&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile &quot;%1&quot; (&quot;flotillactl profiles&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: set FLOTILLA_TOKEN or sign in with &quot;flotillactl login&quot; to find the product &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The products cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud has no product &quot;%1&quot; that this token may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache has no fleet yet: reading it from the cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cache is damaged and holds changes not sent yet: open the console to repair it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pull failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: set FLOTILLA_TOKEN or sign in with &quot;flotillactl login&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud refused the access token (invalid, expired or revoked): sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet could not be read from the cloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names several customers or groups (%2): use the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer or group &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a customer or group: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 devices are named &quot;%2&quot;: name one by its device ID (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device of the fleet has the ID, serial number, ICCID, IMEI or name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: add --yes to apply without a question (stdin is not a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware release of %1 is deleted with it (Undo does not bring it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to the cloud: about %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Flotilla open on this cache sends the changes and runs the rollouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, open on this cache, sends the changes and runs the rollouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the cloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change was taken by the cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print what the edit would do, and change nothing (exit status 0 when it could be applied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a group, not a customer: use &quot;flotillactl group …&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a customer, not a group: use &quot;flotillactl customer …&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the devices to move, or list them in a file: --from-file FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the devices go: --to PATH (a path, titles, &quot;unassigned&quot; or &quot;returns&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; a customer account is named by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product has no customer account %1: create it in the console (New customer…, &quot;Create the account now&quot;), or name an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; would be a customer: a group&apos;s path is its parent&apos;s path, &quot;--&quot; and its short name (acme--berlin--lab); or name it by titles (&quot;Acme Logistics/Berlin depot/Lab&quot;). Customers: &quot;flotillactl customer add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer or group %1 to create %2 in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--title goes with a path (acme--berlin--lab); named by titles, the last one is the new group&apos;s title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the new group under its customer or group: a path (acme--berlin--lab) or titles (&quot;Acme Logistics/Berlin depot/Lab&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has this title already: nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the group goes: --to PATH (the customer or group it goes under).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to import into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with new notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: split it into smaller lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sheet is for XLSX workbooks, and %1 is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to is not used: the customer and group columns of %1 say where each device goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the file to write: -o FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format is csv or xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delimiter is &apos;,&apos; or &apos;;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the columns: --columns a,b,…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles separated by &apos;/&apos; or &apos;›&apos; (&quot;Acme Logistics/Berlin depot&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It prints its effect as the console&apos;s confirmation says it and asks before applying (unless --yes; without a terminal it needs --yes); --dry-run prints it and changes nothing. Then it waits until the cloud has taken the change (exit status 4 when the cloud cannot be reached: the change stays queued and &quot;flotillactl push&quot; sends it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves devices to a customer, a group, Unassigned or Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name. --from-file FILE lists more, one a line (blank lines and lines starting with &apos;#&apos; are skipped). When any of them names no device, nothing is moved (exit status 1).
--to PATH: a path, titles, or the pools &quot;unassigned&quot; and &quot;returns&quot;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the devices go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of device identifiers, one a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TITLE: the name people see. --slug: its short name, the start of its groups&apos; Particle names (suggested from the title when not given; the JSON document says the path). --account: a customer account of the product to link (devices moved to the customer are claimed to it); the console creates new accounts.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer account to link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives a customer a new title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Its short name and path stay.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes a customer and its groups; their devices go to Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a group under a customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH is either the new group&apos;s path, its parent&apos;s path, &quot;--&quot; and its short name (acme--berlin--lab), titled --title T (else by its short name); or titles ending in the new group&apos;s title, under an existing customer or group (&quot;Acme Logistics/Berlin depot/Lab&quot;), its short name suggested from the title (the JSON document says the path).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title of a group named by its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves a group, with its groups and devices, under another customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Its Particle group names change with its path; devices that change customer change owner and may get another firmware.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer or group it goes under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives a group a new title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes a group and the groups below it; their devices go to Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports a spreadsheet of devices (CSV or XLSX) as the console does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import rules of the console (docs/import.md): the columns are read from the header row (device ID, serial number, ICCID, IMEI, name, customer, group, notes); a file of one column is a list of identifiers. Devices not in the product yet are imported into it.
--sheet NAME: the sheet of an XLSX workbook (else the first). --to PATH: where the devices of a file without customer and group columns go (a path, titles, unassigned or returns). --create-missing: customers and groups the file names that do not exist are created (else their rows are errors).
A file with rows in error is not imported (exit status 1) unless --only-valid says to import the other rows (exit status 1 too, the rows left out said). Rows the cloud refuses are said by their row numbers (exit status 1).
--dry-run prints the plan (with --json: rows, counts, creates, requests and rows_detail) and changes nothing: exit status 0 when no row is an error, else 1.
It asks before applying unless --yes, then waits until the cloud has taken the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet of an XLSX workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the devices of a list of identifiers go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the customers and groups the file names that do not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the rows without errors, leaving the others out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes devices to a CSV or XLSX file, as the console&apos;s Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH: a path, titles, or the pools unassigned, returns, needs-repair; several: the devices of any of them; none: the whole fleet.
--format: csv or xlsx (else from the file&apos;s suffix: .xlsx is xlsx, anything else csv). --delimiter: &apos;,&apos; (the default) or &apos;;&apos; for CSV.
--columns: device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending (default: device_id, name, serial, customer, group, firmware_running, firmware_targeted, online, last_heard, notes).
--filter: the console&apos;s filter (see &quot;flotillactl help devices&quot;).
A file that was there is replaced only once the new one is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv or xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: &apos;,&apos; or &apos;;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock and flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a firmware version (a number from 1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product has no firmware version %1 (&quot;flotillactl firmware ls&quot; lists them; &quot;flotillactl firmware upload&quot; adds one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name what to flash with --to PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: write GROUP or PERCENT%, then optionally :success% and :failure% (for example &quot;acme--berlin--test&quot;, &quot;25%:90%:5%&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: the share of devices is a percentage above 0 and at most 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: %2 is not under what is flashed (--to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: the %2 threshold: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices selected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2 (now running %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline now: %1 (they update when they come back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development devices, skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked to another version, lock replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked, skipped (their lock wins): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by a higher release of another group, skipped: %1 (flash lock reaches them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already running v%1, skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still being updated by another rollout, skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next wave at %1 succeeded, pause at %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause at %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device timeout: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 failed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wave %1/%2 “%3”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Flotilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Flotilla (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts of this cache are run by %1: this command asks it and follows what it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not answered within a minute: the request stays in the cache, and is run when it gets to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the requests to the cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud has not taken every request in time: the rest is sent while Flotilla runs on this cache (the console, or &quot;flotillactl rollout watch %1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device to flash: every selected device is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started rollout %1 “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next waves start while Flotilla runs on this cache: the console, or &quot;flotillactl rollout watch %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow it with &quot;flotillactl rollout watch %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the version with --version N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--version &quot;%1&quot;: a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the firmware a title with --title T.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product has a version %1 already (“%2”): upload a new version number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded version %1 “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout &quot;%1&quot;: a duration such as 24h, 90m or 3600s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rollout ID (&quot;flotillactl rollout ls&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rollout %1 (&quot;flotillactl rollout ls&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled / back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next at / pause at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running rollout can be paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a paused rollout can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 resumes; the failures of wave %2 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running or paused rollout can start its next wave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is in its last wave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running or paused rollout can be aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 is aborted: %2 device(s) not started yet are cancelled, %3 updating finish, %4 updated stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is already rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 is aborted and rolled back: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 is rolled back: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device runs v%1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 “%2”: %3 — %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 paused: %2. &quot;flotillactl rollout resume %1&quot; accepts the failures and goes on; &quot;rollout rollback %1&quot; takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1 did not complete: %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product&apos;s firmware versions, where they are released and run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads a firmware binary as a new version of the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE: the binary (.bin). The version must be new to the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version number (1–65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version&apos;s title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks devices to a version and flashes them now (lock and flash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name. Online devices are flashed now, offline ones at their next handshake; existing locks are replaced, downgrades are possible. Prints the impact and asks unless --yes; the rollout is followed with &quot;rollout watch ID&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases a version to customers&apos; and groups&apos; devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;); several with --to PATH --to PATH or --to PATH PATH. Devices that join them later get it too. Standard: devices update at their next handshake (over about a week); --intelligent: online devices update now. Locked devices and devices held by a higher release elsewhere are skipped (flash lock reaches them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer or group to release to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push the update to online devices now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a staged rollout: waves of devices, with thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each --wave, in order: a group under the targets (the test group) or a share of the devices left (&quot;25%&quot;), with the success threshold that starts the next wave (95% unless given) and the failure threshold that pauses the rollout (10%): --wave acme--berlin--test:100%:1 --wave 25% --wave 100%. The last wave takes every device left. Without --wave: the console&apos;s plan (the test groups, 25%, the rest). --timeout: how long a device may take (24h, 90m, 3600s). Prints the impact per wave and asks unless --yes. The first wave starts now; the next ones while Flotilla runs on the cache (the console, or &quot;rollout watch ID&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer or group to roll out to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wave, in order (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device timeout (default 24h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts: state, wave, progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One rollout: its waves, progress and failed devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --json also every device of the rollout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pauses a rollout: no new wave, no new request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices already targeted go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumes a paused rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a pause for failures, the failures of that wave are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a rollout&apos;s next wave now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skips the success threshold (and a pause).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborts a rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices not started yet are cancelled; devices updating finish; updated devices stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns a rollout&apos;s updated devices to their previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborts it if needed; the devices are locked to their previous version and flashed, and stay locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follows a rollout until it completes, is aborted or rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line per change (and a progress bar on a terminal); --json: the final state. Exit status 0 when it completed; 1 when it was aborted, rolled back or paused for failures (the reason printed). The rollout runs while it is watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API user&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cloud refused the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (--api, --product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last full read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 waiting: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request allowance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 left in this %3-second window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with &quot;flotillactl login&quot;, or set FLOTILLA_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the fleet from the cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1 devices, %2 customers, %3 groups and %4 firmware versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer / group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send: every change was taken by the cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent, %2 pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since takes a date and time as ISO 8601 (2026-12-07T09:30:00Z or 2026-12-07), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number of lines (0: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity log has no line that matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From → To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is signed in, the product, the cache&apos;s age, pending changes, the request allowance left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status 3 when no token is set or the cloud refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the whole fleet from the cloud into the local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers and groups with their devices, online and firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;); without it, every customer and the pools. Counts include the groups below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devices of a customer, group or pool, filtered as in the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH: a path, titles, or the pools unassigned, returns, needs-repair; without it, every device.
--filter takes the console&apos;s filter: words, &quot;phrases&quot;, fw:5, target:5, online, offline, pending, locked, dev, off-target, id: name: serial: notes: owner: in:, and -term for not.
--columns: the export&apos;s columns (device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One device: where it is, firmware, owner, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the pending changes of the local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without --wait it gives up after 10 minutes (exit status 4); the changes stay queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until each change is confirmed, however long it takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity log: who changed what, from where, with what result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lines of every Flotilla on this cache: the console, imports, flotillactl, rollouts and what was sent (source). --limit: the newest N lines (50 by default, 0 for all), printed oldest first; --json lists them newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines at or after this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest N lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the cloud and product: flotillactl --api URL --product ID_OR_SLUG login (and --profile NAME to name the profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api URL and --product ID_OR_SLUG go together (or --profile NAME of a profile that has them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token, or --username: not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code (from your authenticator app):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token was given (on stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud refused the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no product &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2; profile &quot;%3&quot; works with %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be kept in the system keychain (%1): set FLOTILLA_TOKEN for scripts instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is kept for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1: the token is revoked and forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile yet: flotillactl --api URL --product ID login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs in and keeps the token in the system keychain, as a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --api URL --product ID_OR_SLUG (and --profile NAME, &quot;default&quot; otherwise). The access token (--token, the default: an API user&apos;s token) or the password (--username) is read from the terminal without echo, or from stdin; when Particle asks for it, the one-time code of the authenticator app follows on the next line. Never give a secret as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with an access token read from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with this account&apos;s password (and one-time code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revokes the token kept for the profile&apos;s cloud and forgets it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles (* marks the one used without --profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile to use (&quot;flotillactl profiles&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Particle API (https://api.particle.io; http only on loopback), with --product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product, by ID or slug, with --api.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file (the console&apos;s own for the product by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One JSON document on stdout; messages and progress on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply edits without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flotillactl: the Flotilla console on the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: flotillactl [--profile NAME | --api URL --product ID_OR_SLUG] [--cache FILE] [--json] [--yes] COMMAND …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>help COMMAND: what a command does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completion bash|zsh: the shell completion script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options of every command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token comes from the system keychain (flotillactl login) or the FLOTILLA_TOKEN environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 done; 1 done in part or refused; 2 usage error; 3 not signed in or the token was refused; 4 the cloud could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completion bash, or completion zsh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot; (&quot;flotillactl help&quot; lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which one? %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (usage: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) get a new name.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) get new notes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) are imported into the product.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %Ln change(s) stay queued in the local cache.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud refused the access token: %Ln change(s) stay queued.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud cannot be reached: %Ln change(s) stay queued in the local cache; &quot;flotillactl push&quot; sends them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed yet: %Ln change(s) stay queued in the local cache for the Flotilla that sends them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) wait: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) still pending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln identifier(s) name no device of the fleet: nothing was moved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s): %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more row(s) with errors.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors were left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln device(s) of the import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) written to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → v%2: %Ln device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrade(s): running a newer version than v%1, flashed back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wave %1 “%2”: %Ln device(s) (%3), %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Upload %1 (%Ln byte(s)) as version %2 “%3” of the product.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 pauses: no new wave starts and no new request is sent; %Ln device(s) already targeted go on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 starts wave %2 “%3” now: %Ln device(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) return from v%1 to their previous version (%2) and stay locked to it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln change(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Domain</name>
    <message>
        <source>a device name has 1 to %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be a device name: only letters A–Z, digits, &apos;_&apos; and &apos;-&apos; are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid attribute name: use lowercase letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of &apos;%1&apos; must be one word without spaces or brackets: &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a customer can be linked to a customer account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the Returns pool, but its description tags it as a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description of &apos;%1&apos; has a Flotilla tag that cannot be read: &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as the Returns pool, but only &apos;%2&apos; is the Returns pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a %2 but its name is not valid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a customer, but a customer&apos;s group name has no &apos;--&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a group, but a group&apos;s name starts with its customer&apos;s, as in &apos;customer--%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a group of the tree, but its parent &apos;%2&apos; is not a node of the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a group of the tree, but its parent &apos;%2&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is in the groups of more than one customer (%1); a device belongs to one customer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is in more than one branch of the tree (%1); a device sits at one node only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is in &apos;%1&apos; but not in %2, which every device under &apos;%1&apos; must also be in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is in the Returns pool and also in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the group &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists in the product, where %2 would go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a customer or group of the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a customer; a customer cannot be moved under another node (rename it instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be moved to the top level: only customers are there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be moved onto itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be moved into its own subtree (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already directly under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has the short name &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; would be %2 characters; Particle allows %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; contains &apos;%2&apos;; use lowercase letters a-z, digits 0-9, &apos;-&apos; and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; must start and end with a letter or a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; contains &apos;%2&apos;; &apos;-&apos; and &apos;_&apos; may only stand alone between letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; contains &apos;%2&apos;; Particle allows only lowercase letters a-z, digits 0-9, &apos;-&apos; and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; has an empty part: &apos;--&apos; may only stand between two short names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; would be %2 levels deep; at most %3 are allowed (a customer and %4 levels of groups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved for the Returns pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title must be a single line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title must not contain &apos;[flotilla:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; has the unknown value &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a share cannot exceed 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of devices must be whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of devices or a share of the wave, such as 3 or 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a number of devices nor a share of the wave (such as 3 or 10%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A threshold cannot be negative: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share of the wave cannot exceed 100%: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number of devices must be whole: &apos;%1&apos; (add % for a share of the wave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;seed&apos; must be a whole number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;nodeTitles&apos; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s title of &apos;%1&apos; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;waves&apos; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 settings must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the firmware version to flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at least one device, group or customer to flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A release reaches customers and groups: select at least one, or flash single devices with Lock and flash or a staged rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device timeout must be at least one minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1 needs test nodes or a share of the devices above 0% and up to 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1&apos;s success threshold %2 is not valid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1&apos;s failure threshold %2 is not valid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development devices are never updated by the cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is locked to %1, and a lock wins over any release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It already runs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another of its groups releases %1, which wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release of %1 would not reach it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device went offline during the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: it updates when it comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device reported that the update failed (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates are disabled on the device; it updates once they are enabled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Edit</name>
    <message>
        <source>The product&apos;s OAuth client is not known, so no customer account can be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer or group to move to is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer or group of this change is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists where this change would put a customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group of the product outside the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer or group to create it under is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already %2 levels deep; no group can be created under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title: the name people see in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is %2 characters long; Particle allows %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is too long under %2: a short name there may have %3 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by %2; choose another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by a group of the product outside the tree; choose another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to move: the devices are no longer in the fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Already in %1: nothing to move.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only a customer can be linked to a customer account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the customer account to create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That customer or group is not in the tree any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the title or the short name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these devices is in the fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit notes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not in the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than one change of the same device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device to import has no identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: imported twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the fleet is as the batch says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row without errors changes anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the fleet is as the file says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported, but not found in the product afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported, but not placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer account %1 must be created first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retitle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer account %1 could not be created, so the customer was not created either: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer account %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The customer was not created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is ambiguous: it matches %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” names no customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the customer column names more than a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer “%1” (allow creating missing customers and groups to create it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group “%1” in %2 (allow creating missing customers and groups to create it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no customer or group %1 (allow creating missing customers and groups to create it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file would create more than %1 customers and groups: check which column holds what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be created in %2: there is no room for another level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be created: a Particle group of its short name exists that is not a customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device ID “%1” is not 24 hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ICCID “%1” has %2 digits, not 19 or 20 (did a spreadsheet drop its leading zeros? Format the column as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ICCID “%1” is not 19 or 20 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IMEI “%1” has %2 digits, not 15 (did a spreadsheet drop its leading zeros? Format the column as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IMEI “%1” is not 15 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the serial number “%1” is not one word of at most 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column names the devices: choose which column holds device IDs, serial numbers, ICCIDs or IMEIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 holds %2 as a number that the spreadsheet rounded (%3): format the column as text and enter the numbers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has two different %1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device ID, serial number, ICCID or IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identifiers name two different devices: %1 by %2 and %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identifiers name two different devices: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 %2 is not that of device %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 does something else with the same device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>into Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device changes its firmware target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repair %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes cannot be made:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln changes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows of the file have errors, so nothing was imported: correct the file, or import only the rows without errors.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices move.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups get new names to follow their new place; their devices and firmware releases stay with them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target: Particle will flash them when they next connect (or now, if they are online).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are already there and do not change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are no longer in the fleet and are left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Io</name>
    <message>
        <source>Row %1: the quote opened on line %2 is never closed; the rest of the file was read into one cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has %1 rows of %2 columns, more than %3 cells: it cannot be a list of devices (check that it was saved as a spreadsheet&apos;s CSV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: it is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files are written with a comma, a semicolon or a tab between the cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is damaged: its part %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook&apos;s part %1 unpacks to %L2 MB from %L3 KB: too big for a sheet (at most 512 MB, compressed at most 200:1). The file is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an old Excel workbook (.xls) or a password-protected one, which Flotilla cannot read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx): it holds text, perhaps CSV under another name. Save it as .xlsx or CSV, with the name ending that way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx). Open it in a spreadsheet and save it as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is damaged or incomplete and cannot be opened (%1). Save it again as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an OpenDocument spreadsheet (.ods), not an Excel workbook. Save it as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ZIP archive is not an Excel workbook: it has no workbook inside. Save the spreadsheet as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value holds an element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet is too big to read: %L1 rows by %L2 columns. Flotilla reads up to %L3 cells; remove what is not needed or split the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cell refers to shared text %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number cell holds &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cell is beyond the last column (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row has the number &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook has no visible sheet with a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook has no sheet named “%1”; its sheets are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet “%1” is a chart, not a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is damaged: its sheet “%1” is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 rows; this table has %L2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 columns; this table has %L2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel file could not be started (out of memory?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel sheet could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel file could not be written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel file could not be saved as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Remote</name>
    <message>
        <source>No error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network access manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream sent a line longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream was silent for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event stream broke: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 with %2 instead of an event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;%1&apos; is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: an item of &apos;%1&apos; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: a success status with &quot;ok&quot;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;%1&apos; is missing or not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;meta.total_pages&apos; is missing or not a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;meta.total_pages&apos; is %1, more than %2 pages of %3 (a product holds at most %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: an item of &apos;%1&apos; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme &apos;%1&apos; is not supported; use https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http to %1 would expose the access token; use https (http is only allowed to a loopback address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API address given; use https://api.particle.io</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme &apos;%1&apos; in &apos;%2&apos; is not supported; use https://HOST (http:// only to a loopback address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address &apos;%1&apos; must not have a query or a fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: there is no access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused a redirect to another origin: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer to %1 (HTTP %2, %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import &apos;%1&apos;: an identifier is one line, not blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;updated&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed answer from the server: expected a JSON array of firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed token answer from the server: &apos;access_token&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout</name>
    <message>
        <source>The device could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be unlocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware list could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning to version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be locked to version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking devices out of the rollout group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices could not be taken out of the rollout group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout could not be removed from the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout could not be written to the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still being updated by the rollout “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device of the selection would be flashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: it updates when it comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout was aborted before the device started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flotilla rollout %1 (%2), wave %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the rollout group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product already has a group of the name this rollout&apos;s wave needs, made by something else; the wave cannot start until it is removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding devices to the rollout group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing the version to the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the rollout groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be taken out of the rollout group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) did not return to their previous version in time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) of the selection are still being updated to v%1 by the rollout “%2”, and this release would reach them too. Wait for it to finish, abort it, or lock and flash instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 to %2 of %3 selected devices (%4 skipped), %Ln wave(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not updated within %Ln hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not back on version %1 within %Ln hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout::RolloutEngine</name>
    <message>
        <source>The firmware could not be uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts are not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product has no firmware version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout could not be written to the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1: %2 of %3 devices failed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the operator to start wave %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 devices updated, %2 failed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such rollout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running rollout can be paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a paused rollout can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failures of wave %1 were accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running or paused rollout can start its next wave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is in its last wave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current wave is still being started; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next wave started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a running or paused rollout can be aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is already rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running, paused or rolling back rollout cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is still finishing a step; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout still has work to finish in the cloud (its final release or cancellations); try again once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout still has work to finish in the cloud, which keeps failing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be written to the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flotilla does not know the rollout control “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout&apos;s settings cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the request cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) return to their previous version</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Session</name>
    <message>
        <source>The cloud&apos;s answer has no access token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Store</name>
    <message>
        <source>Cannot open the cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be repaired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be repaired: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be repaired: cannot rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be set aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Sync</name>
    <message>
        <source>Particle refuses token requests from this address for now (too many requests, or failed ones); claims to customer accounts wait until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud refused the product&apos;s OAuth client; enter it again to claim devices to customer accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claiming devices to a customer account needs the product&apos;s OAuth client; none is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import cannot be read (%1): nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown to Particle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owned outside the product&apos;s team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another row of the import names the same device with another place, name or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its customer or group is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device imported into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their customer or group is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows naming one device differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not placed, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no list of devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its list of devices is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 of its list is not a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 of its list has an unknown field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 of its list has no identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 of its list has a destination that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 of its list has a name or notes that are not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devices could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renaming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of change &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 could not be released again to %2 after its rename: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle kept only %1 of the %2 characters of a node&apos;s description: its title now reads “%3”. Give it a shorter title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is still damaged after it was rebuilt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is damaged, and changes not yet sent cannot be read from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is being repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet is still loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer or group to move to is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer or group is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache did not keep every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln devices into the product</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not found after the import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not placed (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>claiming %Ln devices to their customer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>releasing %Ln devices from their customer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changing the names or notes of %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>importing %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moving %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree</name>
    <message>
        <source>Nothing to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers are top-level nodes and cannot be moved under anything; rename a customer instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pools Unassigned, Returns and Needs repair cannot be moved; drag their devices instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices and groups cannot be moved together; drag the devices and the groups separately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one group can be moved at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device cannot hold devices or groups; drop onto a customer, a group or a pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices are in Needs repair because their groups contradict the tree, not by a move; drop them onto a node or a pool to repair them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group cannot be moved into a pool; move its devices instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That customer or group is not in the tree any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices cannot be dropped here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware targeted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked to firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heard (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (customer account %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only devices and groups of the fleet tree can be dropped here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dragged items cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dragged items belong to another product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop onto a customer, a group or a pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) unknown: %1; the columns are %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::ActivityModel</name>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device names or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer or group changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer or group deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer or group moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::DeviceFilter</name>
    <message>
        <source>“%1” is not a status: use online, offline, pending, locked, dev or off-target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a firmware version: use a number, as in fw:5, or fw:none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a firmware version: use a number, as in target:5, or target:none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::DeviceTableModel</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer › node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutDevicesModel</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutListModel</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wave %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waves %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another console&apos;s rollout, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollout “%1”, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutWavesModel</name>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause at failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause before</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ActivityWindow</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: who, what, customer or group, result, reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the lines shown to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the activity log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activity-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the activity to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity could not be exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::CacheProblems</name>
    <message>
        <source>Flotilla&apos;s local copy of the fleet is damaged, and the changes made here and not yet sent cannot all be read from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They were made by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Repair&lt;/b&gt; rebuilds the local copy from everything that can still be read: the changes not yet sent that can be read are kept and sent, and the fleet is read again from the cloud. The damaged file is kept under another name.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quit&lt;/b&gt; leaves the file as it is. Until you choose, nothing is loaded, sent or changed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the fleet (groups, firmware, customers) could not be read; they are read again from the cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made here and not yet sent may have been lost: how many cannot be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change made here was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the rollouts could not be read; check the Rollouts window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flotilla&apos;s local copy of the fleet was damaged, and it has been rebuilt from what could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache was repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged file is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollouts kept in the local cache could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Rollouts that were running are not followed in this session: devices already told to update still update in the cloud, but no new wave starts and no threshold is checked. The fleet itself and the changes not yet sent are not affected.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Changes made here and not yet sent may be in it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Set aside and start afresh&lt;/b&gt; keeps the file under another name and starts a new local copy, read from the cloud; changes in the old file are not sent.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quit&lt;/b&gt; leaves it as it is, for example to restore it from a backup.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside and start afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flotilla&apos;s local copy of the fleet is damaged: %Ln changes made here and not yet sent cannot be read from it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device records could not be read; the devices are read again from the cloud.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent could not be read and are lost.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines of the activity log could not be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent are kept and will be sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::DetailPane</name>
    <message>
        <source>Select a device in the table, or a customer, group or pool in the tree, to see its details here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targeted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>Firmware present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclaimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no other groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (never updated automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (update pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (never auto-updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet confirmed by the cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (in step with the cloud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln rollout waves</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::EditController</name>
    <message>
        <source>Select the devices whose notes to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other rows were imported. Correct these rows in the file and import it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 with everything under it to %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select devices (or a group) to move first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 with everything under it to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the customer account %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the customer or group to create the group under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? It has no devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>They are released from the customer account %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The firmware released to %1 is not restored by Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with errors were left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln devices of the import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1? Its %Ln devices go to Unassigned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups are deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ExportDialog</name>
    <message>
        <source>devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected customer or group (none selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devices the filter shows (no filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV text (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon ( ; ), as Excel reads it where decimals are written with a comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV &amp;separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (drag to reorder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no fleet to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which devices to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: name the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” (%Ln devices)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln devices the filter “%1” shows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole fleet (%Ln devices)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln devices to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::FlashDialog</name>
    <message>
        <source>none ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload new…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock and flash now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each device is locked to the version and flashed now (online) or at its next handshake; replaces existing locks, can downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release to the selected groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version is released to the selected customers&apos; and groups&apos; Particle groups; devices that join them later get it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intelligent: push to online devices now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staged rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves of devices, each released to through a rollout group; the next wave starts once enough of the previous one succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device that has not updated this long after it was targeted counts as timed out (offline devices wait until then)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device &amp;timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a percentage wave after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a wave of the selection&apos;s devices at or under a group (a test group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to the selected groups when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage waves pick devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only individual devices are selected: a release goes to groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>0 devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wave of the devices at or under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices selected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2 (now running %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline now: %1 (they update when they come back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development devices, skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked to another version, lock replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked, skipped (their lock wins): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by a higher release of another group, skipped: %1 (Lock and flash reaches them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already running v%1, skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still being updated by another rollout, skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices per wave: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device to flash: every selected device is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Start rollout to %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Release to %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flash %Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The rollout could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrades: devices run a newer version than v%1 and will be flashed back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::FleetTreeView</name>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ImportDialog</name>
    <message>
        <source>sheet “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, separated by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import devices from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row holds the column &amp;names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep each device where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the devices of a file without customer and group columns go: a customer or group by its titles (“Acme Logistics / Berlin depot”), or Unassigned or Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create customers and groups that do not exist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: nothing is sent before you import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that change something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only the rows &amp;without errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: split it into smaller lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to import into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with new notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the rows with errors in the file, or import only the rows without errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do the devices of this file go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln rows, %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new customers and groups: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target, and Particle will flash them (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It takes about %Ln requests to the cloud.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln rows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::MainWindow</name>
    <message>
        <source>Flotilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter devices: name, ID, serial, notes; fw:5, online, offline, pending, in:berlin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flotilla — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Flotilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flotilla %1
An operations console for Particle device fleets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session works on a sandbox cloud of its own, which stops when Flotilla closes: the rollouts, the devices&apos; progress and everything else done in this session are lost for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices already told to update keep updating in the cloud; the next waves wait for Flotilla. The rollouts resume where they are the next time Flotilla starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Flotilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select rows of the device table to copy them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select devices, or a customer, group or pool with devices, to copy their IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree to flash them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the fleet from the cloud now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep changes local; send them when you go back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the Particle cloud with an access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product OAuth &amp;client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set or clear the product&apos;s OAuth client, needed to link customers to Particle customer accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a list of devices from a CSV file or an Excel workbook: import them into the product, place, name and annotate them, with a preview first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the devices of the selected node, the selection, the filter or the whole fleet to a CSV file or an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Flotilla; changes not yet sent are kept and sent next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected devices (or group) to a customer, group or pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a group under the selected customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected customer or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices and groups that contradict the tree, with a repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash firmware to the selected devices, groups or customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rollouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the firmware rollouts device by device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity log: every change, who made it, from where, and its result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows of the device table, tab-separated with a header line, to paste them into a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy device &amp;IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the IDs of the selected devices (or of every device of the selected customers, groups and pools), one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the notes of the selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the device table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand every customer and group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Flotilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Flotilla; the sandbox cloud of this session stops, and what was done in it is discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree to flash them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rollouts are still running: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln rows with a header line: they paste into a spreadsheet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln device IDs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::MoveConfirmDialog</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released from its owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released, then claimed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware targets that change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NodeDialog</name>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer is a top-level node of the tree: a Particle group of its own, which every device of the customer is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new group under %1. Its devices are also in the groups of every node above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is only a label. A new short name renames the Particle group of this node and of every node under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: Acme Logistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: Berlin depot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase letters and digits, with single &apos;-&apos; or &apos;_&apos; between them. The Particle group name is the short names of every level, joined by &apos;--&apos;, in at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other short names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link a Particle customer account (devices moved here are claimed to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: ops@acme.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the account now (a customer without a password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating customer accounts needs the product&apos;s OAuth client, which this session does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the short name “%1” (Particle group %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already %2 levels deep; no group can be created under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room for a group under %1: its Particle group name already has %2 of the %3 characters Particle allows, and a group under it needs &apos;--&apos; and at least one character more. Give %1 a shorter short name first (Rename).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title: the name people see in the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a short name: lowercase letters and digits, with single &apos;-&apos; or &apos;_&apos; between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full path %1 would be %2 characters; Particle allows %3. Under %4 a short name may have %5 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With this short name, the Particle group name of %1 would be %2 characters; Particle allows %3. A short name of at most %4 characters fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by “%2”; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by a group of the product outside the tree; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the title or the short name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the customer account&apos;s e-mail address, or do not link an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address; a customer account is named by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product has no customer account &apos;%1&apos;; tick &quot;Create the account now&quot; to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating customer accounts needs the product&apos;s OAuth client, which this session does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a customer named “%1”. Two customers with the same title cannot be told apart in the tree, in moves and in rollouts. If this is another customer, give it a title that sets it apart (for example with its city).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, give it the same title as the other customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, create a second customer named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a group named “%2”. Two groups with the same title under one parent cannot be told apart in the tree, in moves and in rollouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, give it the same title as the other group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, create a second group named “%1” there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the title, or confirm that a second one with this title is meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full path %1 would be %2 characters; Particle allows %3, so the short name is shortened to “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shorter short name for %1 would leave more room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” (%2 characters) is shortened to “%3” so that the groups under it have room: a Particle group name holds the short names of every level in at most %4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With this short name, the groups under it have %1 of the %2 characters left for their short names (up to %3 more levels); a shorter one leaves them more room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the deepest level: no groups under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · no room for groups under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 left for the groups under it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NodePickerDialog</name>
    <message>
        <source>Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search customers, groups and pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NotesDialog</name>
    <message>
        <source>Notes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes of the %1, kept with each device in Particle. An empty text clears them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes of %1, kept with the device in Particle. An empty text clears them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devices have different notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 have different notes: what you enter here replaces the notes of every one of them. An empty text clears them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProblemsDialog</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These devices&apos; groups contradict the tree. Repair keeps the deepest node and sets its full chain; labels stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These groups are tagged as part of the tree but cannot be nodes; they are shown as plain labels until someone fixes their name or description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices that need repair: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups with problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProductClientDialog</name>
    <message>
        <source>Product OAuth Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed only to link customers to Particle customer accounts. The secret is kept in the system keychain, never in files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the product&apos;s OAuth client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProgressChart</name>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::RolloutMonitor</name>
    <message>
        <source>All devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new wave starts and no new request is sent; devices already targeted go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on; after a pause for failures, that wave&apos;s failures are accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start next wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next wave now, without waiting for the success threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the devices not yet started; devices updating finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return every device that succeeded to the version it ran before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this finished rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search devices: name, ID, node, reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rollouts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree and choose Flash… to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 devices succeeded, %3 failed, %4 in progress, %5 not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>taken out of the rollout groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort %1? %2 devices not yet started are cancelled (%3). %4 devices in the middle of an update finish it; devices that finished stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back %1? %2 devices that succeeded or are updating return to the version they ran before (%3): they are taken out of the rollout groups, locked to that version and flashed. They stay locked; unlock them once a fixed version is out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout is aborted first. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SelectionController</name>
    <message>
        <source>none ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool: devices in stock, in no customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool: units back for refurbishment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices whose groups contradict the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SignInDialog</name>
    <message>
        <source>Sign in to Particle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 with an access token of a member of the product&apos;s team (create one with &quot;particle token create&quot; or in the Particle console). It is kept in the system keychain, never in files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product OAuth client (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed only to link customers to Particle customer accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the cloud is gone; restart Flotilla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter both the client ID and the client secret, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with the cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud refused this token: it is invalid, expired or revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud cannot be reached (%1). Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::StatusBarController</name>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims to customer accounts wait: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud refused “%1”, so it was undone here: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local cache damaged: nothing is loaded or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: changes are queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every local change has been confirmed by the cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1 of %2 requests left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particle allows %1 requests per %2 minutes; %3 were made in the current window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept here, will be sent when you go back online: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done here, being sent to the cloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the cloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline: edits are kept here and sent when you go back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout %1: %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; and %2 more rollouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln claims to customers wait</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending changes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes made here and not yet confirmed by the cloud (%Ln devices)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes sent to the cloud</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the cloud: %1, and %Ln earlier changes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working offline: %Ln changes kept here, will be sent when you go back online</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back online: sending %Ln changes to the cloud…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::UploadDialog</name>
    <message>
        <source>Upload firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary (.bin):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware binaries (*.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the version a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The binary %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The binary %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 (%2 bytes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::WavesTable</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave (groups or %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished">Geräte</translation>
    </message>
    <message>
        <source>Success at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause at failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share of the devices not yet in a wave, e.g. 25%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1: “%2” is not a share of the devices (e.g. 25%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
