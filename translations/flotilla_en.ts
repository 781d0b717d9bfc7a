<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Flotilla::App::AppContext</name>
    <message numerus="yes">
        <source>The cache is kept: %Ln change(s) not sent yet live in it.</source>
        <translation>
            <numerusform>The cache is kept: %Ln change not sent yet lives in it.</numerusform>
            <numerusform>The cache is kept: %Ln changes not sent yet live in it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::App::Shell</name>
    <message numerus="yes">
        <source>Signed out of &quot;%1&quot;. %Ln change(s) not yet sent are kept in its local cache and sent after you sign in to it again.</source>
        <translation>
            <numerusform>Signed out of &quot;%1&quot;. %Ln change not yet sent is kept in its local cache and sent after you sign in to it again.</numerusform>
            <numerusform>Signed out of &quot;%1&quot;. %Ln changes not yet sent are kept in its local cache and sent after you sign in to it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Ctl</name>
    <message numerus="yes">
        <source>%Ln device(s) get a new name.</source>
        <translation>
            <numerusform>%Ln device gets a new name.</numerusform>
            <numerusform>%Ln devices get a new name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) get new notes.</source>
        <translation>
            <numerusform>%Ln device gets new notes.</numerusform>
            <numerusform>%Ln devices get new notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) are imported into the product.</source>
        <translation>
            <numerusform>%Ln device is imported into the product.</numerusform>
            <numerusform>%Ln devices are imported into the product.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %Ln change(s) stay queued in the local cache.</source>
        <translation>
            <numerusform>Not signed in: %Ln change stays queued in the local cache.</numerusform>
            <numerusform>Not signed in: %Ln changes stay queued in the local cache.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud refused the access token: %Ln change(s) stay queued.</source>
        <translation>
            <numerusform>The cloud refused the access token: %Ln change stays queued.</numerusform>
            <numerusform>The cloud refused the access token: %Ln changes stay queued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud cannot be reached: %Ln change(s) stay queued in the local cache; &quot;flotillactl push&quot; sends them.</source>
        <translation>
            <numerusform>The cloud cannot be reached: %Ln change stays queued in the local cache; &quot;flotillactl push&quot; sends it.</numerusform>
            <numerusform>The cloud cannot be reached: %Ln changes stay queued in the local cache; &quot;flotillactl push&quot; sends them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed yet: %Ln change(s) stay queued in the local cache for the Flotilla that sends them.</source>
        <translation>
            <numerusform>Not confirmed yet: %Ln change stays queued in the local cache for the Flotilla that sends it.</numerusform>
            <numerusform>Not confirmed yet: %Ln changes stay queued in the local cache for the Flotilla that sends them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) wait: %1</source>
        <translation>
            <numerusform>%Ln change waits: %1</numerusform>
            <numerusform>%Ln changes wait: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) still pending.</source>
        <translation>
            <numerusform>%Ln change still pending.</numerusform>
            <numerusform>%Ln changes still pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln identifier(s) name no device of the fleet: nothing was moved.</source>
        <translation>
            <numerusform>%Ln identifier names no device of the fleet: nothing was moved.</numerusform>
            <numerusform>%Ln identifiers name no device of the fleet: nothing was moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s): %1.</source>
        <translation>
            <numerusform>%Ln row: %1.</numerusform>
            <numerusform>%Ln rows: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more row(s) with errors.</source>
        <translation>
            <numerusform>… and %Ln more row with errors.</numerusform>
            <numerusform>… and %Ln more rows with errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors were left out.</source>
        <translation>
            <numerusform>%Ln row with errors was left out.</numerusform>
            <numerusform>%Ln rows with errors were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln device(s) of the import.</source>
        <translation>
            <numerusform>Particle did not take %Ln device of the import.</numerusform>
            <numerusform>Particle did not take %Ln devices of the import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) written to %1.</source>
        <translation>
            <numerusform>%Ln device written to %1.</numerusform>
            <numerusform>%Ln devices written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → v%2: %Ln device(s)</source>
        <translation>
            <numerusform>%1 → v%2: %Ln device</numerusform>
            <numerusform>%1 → v%2: %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrade(s): running a newer version than v%1, flashed back.</source>
        <translation>
            <numerusform>%Ln downgrade: running a newer version than v%1, flashed back.</numerusform>
            <numerusform>%Ln downgrades: running a newer version than v%1, flashed back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wave %1 “%2”: %Ln device(s) (%3), %4</source>
        <translation>
            <numerusform>Wave %1 “%2”: %Ln device (%3), %4</numerusform>
            <numerusform>Wave %1 “%2”: %Ln devices (%3), %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Upload %1 (%Ln byte(s)) as version %2 “%3” of the product.</source>
        <translation>
            <numerusform>Upload %1 (%Ln byte) as version %2 “%3” of the product.</numerusform>
            <numerusform>Upload %1 (%Ln bytes) as version %2 “%3” of the product.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 pauses: no new wave starts and no new request is sent; %Ln device(s) already targeted go on.</source>
        <translation>
            <numerusform>Rollout %1 pauses: no new wave starts and no new request is sent; %Ln device already targeted goes on.</numerusform>
            <numerusform>Rollout %1 pauses: no new wave starts and no new request is sent; %Ln devices already targeted go on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 starts wave %2 “%3” now: %Ln device(s).</source>
        <translation>
            <numerusform>Rollout %1 starts wave %2 “%3” now: %Ln device.</numerusform>
            <numerusform>Rollout %1 starts wave %2 “%3” now: %Ln devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) return from v%1 to their previous version (%2) and stay locked to it.</source>
        <translation>
            <numerusform>%Ln device returns from v%1 to its previous version (%2) and stays locked to it.</numerusform>
            <numerusform>%Ln devices return from v%1 to their previous version (%2) and stay locked to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s) ago</source>
        <translation>
            <numerusform>%Ln second ago</numerusform>
            <numerusform>%Ln seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>%Ln minute ago</numerusform>
            <numerusform>%Ln minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>%Ln hour ago</numerusform>
            <numerusform>%Ln hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s).</source>
        <translation>
            <numerusform>%Ln device.</numerusform>
            <numerusform>%Ln devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln change(s)…</source>
        <translation>
            <numerusform>Sending %Ln change…</numerusform>
            <numerusform>Sending %Ln changes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Edit</name>
    <message numerus="yes">
        <source>Already in %1: nothing to move.</source>
        <translation>
            <numerusform>Already in %1: nothing to move.</numerusform>
            <numerusform>Already in %1: nothing to move.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1</source>
        <translation>
            <numerusform>Move %Ln device to %1</numerusform>
            <numerusform>Move %Ln devices to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repair %Ln devices</source>
        <translation>
            <numerusform>Repair %Ln device</numerusform>
            <numerusform>Repair %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes cannot be made:</source>
        <translation>
            <numerusform>%Ln change cannot be made:</numerusform>
            <numerusform>%Ln changes cannot be made:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln changes</source>
        <translation>
            <numerusform>Import %Ln change</numerusform>
            <numerusform>Import %Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices</source>
        <translation>
            <numerusform>Import %Ln device</numerusform>
            <numerusform>Import %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices from %1</source>
        <translation>
            <numerusform>Import %Ln device from %1</numerusform>
            <numerusform>Import %Ln devices from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows of the file have errors, so nothing was imported: correct the file, or import only the rows without errors.</source>
        <translation>
            <numerusform>%Ln row of the file has an error, so nothing was imported: correct the file, or import only the rows without errors.</numerusform>
            <numerusform>%Ln rows of the file have errors, so nothing was imported: correct the file, or import only the rows without errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices move.</source>
        <translation>
            <numerusform>%Ln device moves.</numerusform>
            <numerusform>%Ln devices move.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups get new names to follow their new place; their devices and firmware releases stay with them.</source>
        <translation>
            <numerusform>%Ln Particle group gets a new name to follow its new place; its devices and firmware release stay with it.</numerusform>
            <numerusform>%Ln Particle groups get new names to follow their new place; their devices and firmware releases stay with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation>
            <numerusform>%Ln device will be claimed to the customer account %1.</numerusform>
            <numerusform>%Ln devices will be claimed to the customer account %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation>
            <numerusform>%Ln device will be released from its current owner.</numerusform>
            <numerusform>%Ln devices will be released from their current owner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target: Particle will flash them when they next connect (or now, if they are online).</source>
        <translation>
            <numerusform>%Ln device gets a new firmware target: Particle will flash it when it next connects (or now, if it is online).</numerusform>
            <numerusform>%Ln devices get a new firmware target: Particle will flash them when they next connect (or now, if they are online).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are already there and do not change.</source>
        <translation>
            <numerusform>%Ln device is already there and does not change.</numerusform>
            <numerusform>%Ln devices are already there and do not change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are no longer in the fleet and are left out.</source>
        <translation>
            <numerusform>%Ln device is no longer in the fleet and is left out.</numerusform>
            <numerusform>%Ln devices are no longer in the fleet and are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout</name>
    <message numerus="yes">
        <source>%Ln device(s) did not return to their previous version in time</source>
        <translation>
            <numerusform>%Ln device did not return to its previous version in time</numerusform>
            <numerusform>%Ln devices did not return to their previous version in time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) of the selection are still being updated to v%1 by the rollout “%2”, and this release would reach them too. Wait for it to finish, abort it, or lock and flash instead.</source>
        <translation>
            <numerusform>%Ln device of the selection is still being updated to v%1 by the rollout “%2”, and this release would reach it too. Wait for the rollout to finish, abort it, or lock and flash instead.</numerusform>
            <numerusform>%Ln devices of the selection are still being updated to v%1 by the rollout “%2”, and this release would reach them too. Wait for it to finish, abort it, or lock and flash instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 to %2 of %3 selected devices (%4 skipped), %Ln wave(s)</source>
        <translation>
            <numerusform>Version %1 to %2 of %3 selected devices (%4 skipped), %Ln wave</numerusform>
            <numerusform>Version %1 to %2 of %3 selected devices (%4 skipped), %Ln waves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not updated within %Ln hour(s)</source>
        <translation>
            <numerusform>Not updated within %Ln hour</numerusform>
            <numerusform>Not updated within %Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not back on version %1 within %Ln hour(s)</source>
        <translation>
            <numerusform>Not back on version %1 within %Ln hour</numerusform>
            <numerusform>Not back on version %1 within %Ln hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout::RolloutEngine</name>
    <message numerus="yes">
        <source>%Ln device(s) return to their previous version</source>
        <translation>
            <numerusform>%Ln device returns to its previous version</numerusform>
            <numerusform>%Ln devices return to their previous version</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Sync</name>
    <message numerus="yes">
        <source>Imported %Ln devices into the product</source>
        <translation>
            <numerusform>Imported %Ln device into the product</numerusform>
            <numerusform>Imported %Ln devices into the product</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in it</source>
        <translation>
            <numerusform>%Ln already in it</numerusform>
            <numerusform>%Ln already in it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused (%1)</source>
        <translation>
            <numerusform>%Ln refused (%1)</numerusform>
            <numerusform>%Ln refused (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not found after the import</source>
        <translation>
            <numerusform>%Ln not found after the import</numerusform>
            <numerusform>%Ln not found after the import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not placed (%1)</source>
        <translation>
            <numerusform>%Ln not placed (%1)</numerusform>
            <numerusform>%Ln not placed (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>claiming %Ln devices to their customer</source>
        <translation>
            <numerusform>claiming %Ln device to its customer</numerusform>
            <numerusform>claiming %Ln devices to their customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>releasing %Ln devices from their customer</source>
        <translation>
            <numerusform>releasing %Ln device from its customer</numerusform>
            <numerusform>releasing %Ln devices from their customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changing the names or notes of %Ln devices</source>
        <translation>
            <numerusform>changing the name or notes of %Ln device</numerusform>
            <numerusform>changing the names or notes of %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>importing %Ln devices</source>
        <translation>
            <numerusform>importing %Ln device</numerusform>
            <numerusform>importing %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moving %Ln devices</source>
        <translation>
            <numerusform>moving %Ln device</numerusform>
            <numerusform>moving %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices to %1</source>
        <translation>
            <numerusform>%Ln device to %1</numerusform>
            <numerusform>%Ln devices to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree</name>
    <message numerus="yes">
        <source>%Ln column(s) unknown: %1; the columns are %2</source>
        <translation>
            <numerusform>%Ln column unknown: %1; the columns are %2</numerusform>
            <numerusform>%Ln columns unknown: %1; the columns are %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::DeviceTableModel</name>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln devices</source>
        <translation>
            <numerusform>%L1 of %Ln device</numerusform>
            <numerusform>%L1 of %Ln devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutListModel</name>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ActivityWindow</name>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln line(s)</source>
        <translation>
            <numerusform>%1 of %Ln line</numerusform>
            <numerusform>%1 of %Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) written to %1</source>
        <translation>
            <numerusform>%Ln line written to %1</numerusform>
            <numerusform>%Ln lines written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::CacheProblems</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flotilla&apos;s local copy of the fleet is damaged: %Ln changes made here and not yet sent cannot be read from it.</source>
        <translation>
            <numerusform>Flotilla&apos;s local copy of the fleet is damaged: %Ln change made here and not yet sent cannot be read from it.</numerusform>
            <numerusform>Flotilla&apos;s local copy of the fleet is damaged: %Ln changes made here and not yet sent cannot be read from it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device records could not be read; the devices are read again from the cloud.</source>
        <translation>
            <numerusform>%Ln device record could not be read; the device is read again from the cloud.</numerusform>
            <numerusform>%Ln device records could not be read; the devices are read again from the cloud.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent could not be read and are lost.</source>
        <translation>
            <numerusform>%Ln change made here and not yet sent could not be read and is lost.</numerusform>
            <numerusform>%Ln changes made here and not yet sent could not be read and are lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines of the activity log could not be read.</source>
        <translation>
            <numerusform>%Ln line of the activity log could not be read.</numerusform>
            <numerusform>%Ln lines of the activity log could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent are kept and will be sent.</source>
        <translation>
            <numerusform>%Ln change made here and not yet sent is kept and will be sent.</numerusform>
            <numerusform>%Ln changes made here and not yet sent are kept and will be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::DetailPane</name>
    <message numerus="yes">
        <source>%Ln rollout waves</source>
        <translation>
            <numerusform>a wave of a rollout</numerusform>
            <numerusform>%Ln rollout waves</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::EditController</name>
    <message numerus="yes">
        <source>They are released from the customer account %1.</source>
        <translation>
            <numerusform>It is released from the customer account %1.</numerusform>
            <numerusform>They are released from the customer account %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with errors were left out.</source>
        <translation>
            <numerusform>%Ln row with an error was left out.</numerusform>
            <numerusform>%Ln rows with errors were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln devices of the import.</source>
        <translation>
            <numerusform>Particle did not take %Ln device of the import.</numerusform>
            <numerusform>Particle did not take %Ln devices of the import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1?</source>
        <translation>
            <numerusform>Move %Ln device to %1?</numerusform>
            <numerusform>Move %Ln devices to %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to:</source>
        <translation>
            <numerusform>Move %Ln device to:</numerusform>
            <numerusform>Move %Ln devices to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1? Its %Ln devices go to Unassigned.</source>
        <translation>
            <numerusform>Delete %1? Its device goes to Unassigned.</numerusform>
            <numerusform>Delete %1? Its %Ln devices go to Unassigned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups are deleted.</source>
        <translation>
            <numerusform>%Ln Particle group is deleted.</numerusform>
            <numerusform>%Ln Particle groups are deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ExportDialog</name>
    <message numerus="yes">
        <source>“%1” (%Ln devices)</source>
        <translation>
            <numerusform>“%1” (%Ln device)</numerusform>
            <numerusform>“%1” (%Ln devices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected devices</source>
        <translation>
            <numerusform>The selected device</numerusform>
            <numerusform>The %Ln selected devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln devices the filter “%1” shows</source>
        <translation>
            <numerusform>The device the filter “%1” shows</numerusform>
            <numerusform>The %Ln devices the filter “%1” shows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole fleet (%Ln devices)</source>
        <translation>
            <numerusform>The whole fleet (%Ln device)</numerusform>
            <numerusform>The whole fleet (%Ln devices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln devices to %1</source>
        <translation>
            <numerusform>Exported %Ln device to %1</numerusform>
            <numerusform>Exported %Ln devices to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::FlashDialog</name>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start rollout to %Ln devices</source>
        <translation>
            <numerusform>Start rollout to %Ln device</numerusform>
            <numerusform>Start rollout to %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Release to %Ln devices</source>
        <translation>
            <numerusform>Release to %Ln device</numerusform>
            <numerusform>Release to %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flash %Ln devices</source>
        <translation>
            <numerusform>Flash %Ln device</numerusform>
            <numerusform>Flash %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrades: devices run a newer version than v%1 and will be flashed back.</source>
        <translation>
            <numerusform>%Ln downgrade: a device runs a newer version than v%1 and will be flashed back.</numerusform>
            <numerusform>%Ln downgrades: devices run a newer version than v%1 and will be flashed back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ImportDialog</name>
    <message numerus="yes">
        <source>%1: %Ln rows, %2</source>
        <translation>
            <numerusform>%1: %Ln row, %2</numerusform>
            <numerusform>%1: %Ln rows, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows: %1.</source>
        <translation>
            <numerusform>%Ln row: %1.</numerusform>
            <numerusform>%Ln rows: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more</source>
        <translation>
            <numerusform>%Ln more</numerusform>
            <numerusform>%Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new customers and groups: %1.</source>
        <translation>
            <numerusform>%Ln new customer or group: %1.</numerusform>
            <numerusform>%Ln new customers and groups: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation>
            <numerusform>%Ln device will be claimed to the customer account %1.</numerusform>
            <numerusform>%Ln devices will be claimed to the customer account %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation>
            <numerusform>%Ln device will be released from its current owner.</numerusform>
            <numerusform>%Ln devices will be released from their current owner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target, and Particle will flash them (%1).</source>
        <translation>
            <numerusform>%Ln device gets a new firmware target, and Particle will flash it (%1).</numerusform>
            <numerusform>%Ln devices get a new firmware target, and Particle will flash them (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It takes about %Ln requests to the cloud.</source>
        <translation>
            <numerusform>It takes about %Ln request to the cloud.</numerusform>
            <numerusform>It takes about %Ln requests to the cloud.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln rows</source>
        <translation>
            <numerusform>&amp;Import %Ln row</numerusform>
            <numerusform>&amp;Import %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::MainWindow</name>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rollouts are still running: %1.</source>
        <translation>
            <numerusform>A rollout is still running: %1.</numerusform>
            <numerusform>%Ln rollouts are still running: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln rows with a header line: they paste into a spreadsheet</source>
        <translation>
            <numerusform>Copied %Ln row with a header line: it pastes into a spreadsheet</numerusform>
            <numerusform>Copied %Ln rows with a header line: they paste into a spreadsheet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln device IDs</source>
        <translation>
            <numerusform>Copied %Ln device ID</numerusform>
            <numerusform>Copied %Ln device IDs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::RolloutMonitor</name>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SelectionController</name>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SettingsDialog</name>
    <message numerus="yes">
        <source>%Ln change(s) not sent yet live in the local cache.</source>
        <translation>
            <numerusform>%Ln change not sent yet lives in the local cache.</numerusform>
            <numerusform>%Ln changes not sent yet live in the local cache.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::StatusBarController</name>
    <message numerus="yes">
        <source>%Ln claims to customers wait</source>
        <translation>
            <numerusform>%Ln claim to a customer waits</numerusform>
            <numerusform>%Ln claims to customers wait</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending changes</source>
        <translation>
            <numerusform>%Ln pending change</numerusform>
            <numerusform>%Ln pending changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes made here and not yet confirmed by the cloud (%Ln devices)</source>
        <translation>
            <numerusform>Changes made here and not yet confirmed by the cloud (%Ln device)</numerusform>
            <numerusform>Changes made here and not yet confirmed by the cloud (%Ln devices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes sent to the cloud</source>
        <translation>
            <numerusform>%Ln change sent to the cloud</numerusform>
            <numerusform>%Ln changes sent to the cloud</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the cloud: %1, and %Ln earlier changes</source>
        <translation>
            <numerusform>Sent to the cloud: %1, and %Ln earlier change</numerusform>
            <numerusform>Sent to the cloud: %1, and %Ln earlier changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working offline: %Ln changes kept here, will be sent when you go back online</source>
        <translation>
            <numerusform>Working offline: %Ln change kept here, will be sent when you go back online</numerusform>
            <numerusform>Working offline: %Ln changes kept here, will be sent when you go back online</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back online: sending %Ln changes to the cloud…</source>
        <translation>
            <numerusform>Back online: sending %Ln change to the cloud…</numerusform>
            <numerusform>Back online: sending %Ln changes to the cloud…</numerusform>
        </translation>
    </message>
</context>
</TS>
