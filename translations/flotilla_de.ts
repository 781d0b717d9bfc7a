<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Flotilla::App</name>
    <message>
        <source>Particle API base URL (https), e.g. https://api.particle.io.</source>
        <translation>Basis-URL der Particle-API (https), z. B. https://api.particle.io.</translation>
    </message>
    <message>
        <source>Product ID (with --api).</source>
        <translation>Produkt-ID (mit --api).</translation>
    </message>
    <message>
        <source>Keep the access token in memory only (tests; nothing is remembered).</source>
        <translation>Zugriffstoken nur im Arbeitsspeicher halten (für Tests; nichts wird gespeichert).</translation>
    </message>
    <message>
        <source>--api URL and --product ID go together (a positive product ID).</source>
        <translation>--api URL und --product ID gehören zusammen (eine positive Produkt-ID).</translation>
    </message>
    <message>
        <source>Flotilla, the operations console for Particle device fleets. Without arguments it opens the profile (or the demo) used last, else the welcome page: try the demo, or sign in to Particle.</source>
        <translation>Flotilla, die Betriebskonsole für Flotten von Particle-Geräten. Ohne Argumente öffnet sie das zuletzt verwendete Profil (oder die Demo), sonst die Willkommensseite: Probieren Sie die Demo aus oder melden Sie sich bei Particle an.</translation>
    </message>
    <message>
        <source>Open this profile (File › Profiles lists them).</source>
        <translation>Dieses Profil öffnen (Datei › Profile listet sie auf).</translation>
    </message>
    <message>
        <source>Open the demo: a sandbox cloud on this computer whose fleet is kept across launches.</source>
        <translation>Die Demo öffnen: eine Sandbox-Cloud auf diesem Computer, deren Flotte zwischen den Starts erhalten bleibt.</translation>
    </message>
    <message>
        <source>Open a fresh sandbox cloud of its own, discarded when the window closes (development).</source>
        <translation>Eine neue, eigene Sandbox-Cloud öffnen, die beim Schließen des Fensters verworfen wird (Entwicklung).</translation>
    </message>
    <message>
        <source>Sandbox (demo, fresh sandbox): devices in the demo fleet.</source>
        <translation>Sandbox (Demo, neue Sandbox): Geräte in der Demo-Flotte.</translation>
    </message>
    <message>
        <source>Sandbox (demo, fresh sandbox): simulated time runs X times faster (default 60).</source>
        <translation>Sandbox (Demo, neue Sandbox): Die simulierte Zeit läuft X-mal schneller (Standard 60).</translation>
    </message>
    <message>
        <source>Sandbox (demo, fresh sandbox): one more argument for flotilla-sandbox (repeatable).</source>
        <translation>Sandbox (Demo, neue Sandbox): ein weiteres Argument für flotilla-sandbox (wiederholbar).</translation>
    </message>
    <message>
        <source>Choose one of --profile, --demo, --fresh-sandbox and --api/--product.</source>
        <translation>Wählen Sie nur eine dieser Optionen: --profile, --demo, --fresh-sandbox oder --api/--product.</translation>
    </message>
    <message>
        <source>There is no profile &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>Flotilla::App::AppContext</name>
    <message>
        <source>The local cache %1 cannot be used: %2</source>
        <translation>Der lokale Cache %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>This window sends the changes again.</source>
        <translation>Dieses Fenster sendet die Änderungen wieder.</translation>
    </message>
    <message>
        <source>Changes are sent by another Flotilla on this computer</source>
        <translation>Änderungen werden von einer anderen Flotilla-Instanz auf diesem Computer gesendet</translation>
    </message>
    <message>
        <source>Changes are sent by another Flotilla on this computer (%1)</source>
        <translation>Änderungen werden von einer anderen Flotilla-Instanz auf diesem Computer gesendet (%1)</translation>
    </message>
    <message>
        <source>Another Flotilla program has this fleet&apos;s local cache open and sends its changes and runs its rollouts. Edits made here are saved and sent by it; this window shows what it does. This window takes over when it ends.</source>
        <translation>Eine andere Flotilla-Instanz hat den lokalen Cache dieser Flotte geöffnet, sendet ihre Änderungen und führt ihre Rollouts aus. Hier vorgenommene Änderungen werden gespeichert und von ihr gesendet; dieses Fenster zeigt, was sie tut. Dieses Fenster übernimmt, wenn sie beendet wird.</translation>
    </message>
    <message>
        <source>The unreadable cache is kept as %1; a new one is read from the cloud.</source>
        <translation>Der unlesbare Cache wird als %1 aufbewahrt; ein neuer wird aus der Cloud gelesen.</translation>
    </message>
    <message>
        <source>Signed in, but the token or the OAuth client could not be kept in the system keychain (%1): Flotilla will ask for it again next time.</source>
        <translation>Angemeldet, aber das Zugriffstoken oder der OAuth-Client konnte nicht im Schlüsselbund des Systems gespeichert werden (%1): Flotilla fragt beim nächsten Mal erneut danach.</translation>
    </message>
    <message>
        <source>The OAuth client could not be kept in the system keychain (%1); this session uses it until it ends.</source>
        <translation>Der OAuth-Client konnte nicht im Schlüsselbund des Systems gespeichert werden (%1); diese Sitzung verwendet ihn, bis sie endet.</translation>
    </message>
    <message>
        <source>The product&apos;s OAuth client is forgotten.</source>
        <translation>Der OAuth-Client des Produkts wurde vergessen.</translation>
    </message>
    <message>
        <source>The product&apos;s OAuth client is saved in the system keychain.</source>
        <translation>Der OAuth-Client des Produkts ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The cache was cleared: the fleet is read from the cloud again.</source>
        <translation>Der Cache wurde geleert: Die Flotte wird erneut aus der Cloud gelesen.</translation>
    </message>
    <message>
        <source>The cache could not be cleared: %1</source>
        <translation>Der Cache konnte nicht geleert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The cache is kept: %Ln change(s) not sent yet live in it.</source>
        <translation>
            <numerusform>Der Cache bleibt erhalten: Er enthält %Ln noch nicht gesendete Änderung.</numerusform>
            <numerusform>Der Cache bleibt erhalten: Er enthält %Ln noch nicht gesendete Änderungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::App::SandboxLauncher</name>
    <message>
        <source>The sandbox did not start in time. %1</source>
        <translation>Die Sandbox wurde nicht rechtzeitig gestartet. %1</translation>
    </message>
    <message>
        <source>The sandbox&apos;s start line is not JSON: %1</source>
        <translation>Die Startzeile der Sandbox ist kein JSON: %1</translation>
    </message>
    <message>
        <source>The sandbox could not be started: %1</source>
        <translation>Die Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The sandbox exited before it was ready (exit code %1). %2</source>
        <translation>Die Sandbox wurde beendet, bevor sie bereit war (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>FLOTILLA_SANDBOX is set to %1, which is not an executable file.</source>
        <translation>FLOTILLA_SANDBOX ist auf %1 gesetzt, das ist keine ausführbare Datei.</translation>
    </message>
    <message>
        <source>The sandbox cloud (flotilla-sandbox) was not found next to Flotilla or in the build tree; set FLOTILLA_SANDBOX to its path, or use --api and --product for the real cloud.</source>
        <translation>Die Sandbox-Cloud (flotilla-sandbox) wurde weder neben Flotilla noch im Build-Verzeichnis gefunden; setzen Sie FLOTILLA_SANDBOX auf ihren Pfad, oder verwenden Sie --api und --product für die echte Cloud.</translation>
    </message>
    <message>
        <source>Its last messages: %1</source>
        <translation>Ihre letzten Meldungen: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::App::Shell</name>
    <message>
        <source>%1 (%2 on %3)</source>
        <translation>%1 (%2 auf %3)</translation>
    </message>
    <message>
        <source>%1 (%2 on %3, %4)</source>
        <translation>%1 (%2 auf %3, %4)</translation>
    </message>
    <message>
        <source>The demo needs the training sandbox (flotilla-sandbox), which is not installed: install the &quot;flotilla-sandbox&quot; package (the training sandbox) to try it.</source>
        <translation>Die Demo benötigt die Trainings-Sandbox (flotilla-sandbox), die nicht installiert ist: Installieren Sie das Paket &quot;flotilla-sandbox&quot; (die Trainings-Sandbox), um die Demo auszuprobieren.</translation>
    </message>
    <message>
        <source>The demo&apos;s folder %1 cannot be made.</source>
        <translation>Der Demo-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>No temporary folder for the session: %1</source>
        <translation>Kein temporärer Ordner für die Sitzung: %1</translation>
    </message>
    <message>
        <source>demo (sandbox %1)</source>
        <translation>Demo (Sandbox %1)</translation>
    </message>
    <message>
        <source>sandbox %1</source>
        <translation>Sandbox %1</translation>
    </message>
    <message>
        <source>flotillactl on this sandbox (the console shows what it does):
  export FLOTILLA_TOKEN=%1
  flotillactl --api %2 --product %3 --cache %4 status</source>
        <translation>flotillactl für diese Sandbox (die Konsole zeigt, was es tut):
  export FLOTILLA_TOKEN=%1
  flotillactl --api %2 --product %3 --cache %4 status</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Demo (a sandbox cloud on this computer)</source>
        <translation>Demo (eine Sandbox-Cloud auf diesem Computer)</translation>
    </message>
    <message>
        <source>The cloud no longer accepts this profile&apos;s access token (it expired or was revoked).</source>
        <translation>Die Cloud akzeptiert das Zugriffstoken dieses Profils nicht mehr (es ist abgelaufen oder wurde widerrufen).</translation>
    </message>
    <message>
        <source>This profile is signed out.</source>
        <translation>Dieses Profil ist abgemeldet.</translation>
    </message>
    <message>
        <source>Signed in, but the access token could not be kept in the system keychain (%1): Flotilla will ask for it again next time.</source>
        <translation>Angemeldet, aber das Zugriffstoken konnte nicht im Schlüsselbund des Systems gespeichert werden (%1): Flotilla fragt beim nächsten Mal erneut danach.</translation>
    </message>
    <message>
        <source>Signed out of &quot;%1&quot;; the cloud could not be reached to revoke the access token, which is forgotten here.</source>
        <translation>Von „%1“ abgemeldet; die Cloud war nicht erreichbar, um das Zugriffstoken zu widerrufen, das hier entfernt wurde.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Sign out of &quot;%1&quot; and remove the profile? Its local cache stays on this computer.</source>
        <translation>Von „%1“ abmelden und das Profil entfernen? Sein lokaler Cache bleibt auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <source>Signed out of &quot;%1&quot;. %Ln change(s) not yet sent are kept in its local cache and sent after you sign in to it again.</source>
        <translation>
            <numerusform>Von „%1“ abgemeldet. %Ln noch nicht gesendete Änderung bleibt im lokalen Cache des Profils erhalten und wird gesendet, sobald Sie sich wieder damit anmelden.</numerusform>
            <numerusform>Von „%1“ abgemeldet. %Ln noch nicht gesendete Änderungen bleiben im lokalen Cache des Profils erhalten und werden gesendet, sobald Sie sich wieder damit anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The access token cannot be read from the system keychain (%1).</source>
        <translation>Das Zugriffstoken kann nicht aus dem Schlüsselbund des Systems gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Access token not kept</source>
        <translation>Zugriffstoken nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>Flotilla::Ctl</name>
    <message>
        <source>--profile, or --api with --product: not both.</source>
        <translation>--profile oder --api mit --product: nicht beides.</translation>
    </message>
    <message>
        <source>--api URL and --product ID_OR_SLUG go together.</source>
        <translation>--api URL und --product ID_OR_SLUG gehören zusammen.</translation>
    </message>
    <message>
        <source>Not signed in: sign in with &quot;flotillactl login&quot;, or name a cloud with --api URL --product ID.</source>
        <translation>Nicht angemeldet: Melden Sie sich mit &quot;flotillactl login&quot; an, oder geben Sie mit --api URL --product ID eine Cloud an.</translation>
    </message>
    <message>
        <source>Several profiles and none is the default: choose one with --profile NAME (&quot;flotillactl profiles&quot; lists them).</source>
        <translation>Mehrere Profile und keines ist das Standardprofil: Wählen Sie eines mit --profile NAME (&quot;flotillactl profiles&quot; listet sie auf).</translation>
    </message>
    <message>
        <source>There is no profile &quot;%1&quot; (&quot;flotillactl profiles&quot; lists them).</source>
        <translation>Es gibt kein Profil &quot;%1&quot; (&quot;flotillactl profiles&quot; listet sie auf).</translation>
    </message>
    <message>
        <source>The system keychain cannot be read: %1</source>
        <translation>Der Schlüsselbund des Systems kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not signed in: set FLOTILLA_TOKEN or sign in with &quot;flotillactl login&quot; to find the product &quot;%1&quot;.</source>
        <translation>Nicht angemeldet: Setzen Sie FLOTILLA_TOKEN oder melden Sie sich mit &quot;flotillactl login&quot; an, um das Produkt &quot;%1&quot; zu finden.</translation>
    </message>
    <message>
        <source>The products cannot be read: %1</source>
        <translation>Die Produkte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The cloud has no product &quot;%1&quot; that this token may use.</source>
        <translation>Die Cloud hat kein Produkt &quot;%1&quot;, das dieses Token verwenden darf.</translation>
    </message>
    <message>
        <source>The local cache has no fleet yet: reading it from the cloud…</source>
        <translation>Der lokale Cache enthält noch keine Flotte: Sie wird aus der Cloud gelesen…</translation>
    </message>
    <message>
        <source>The local cache cannot be used: %1</source>
        <translation>Der lokale Cache kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>the cache is damaged and holds changes not sent yet: open the console to repair it</source>
        <translation>der Cache ist beschädigt und enthält noch nicht gesendete Änderungen: Öffnen Sie die Konsole, um ihn zu reparieren</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the pull failed</source>
        <translation>der Abruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not signed in: set FLOTILLA_TOKEN or sign in with &quot;flotillactl login&quot;.</source>
        <translation>Nicht angemeldet: Setzen Sie FLOTILLA_TOKEN oder melden Sie sich mit &quot;flotillactl login&quot; an.</translation>
    </message>
    <message>
        <source>The cloud refused the access token (invalid, expired or revoked): sign in again.</source>
        <translation>Die Cloud hat das Zugriffstoken abgelehnt (ungültig, abgelaufen oder widerrufen): Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The fleet could not be read from the cloud: %1</source>
        <translation>Die Flotte konnte nicht aus der Cloud gelesen werden: %1</translation>
    </message>
    <message>
        <source>The rollouts cannot be read: %1</source>
        <translation>Die Rollouts können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names several customers or groups (%2): use the path.</source>
        <translation>&quot;%1&quot; bezeichnet mehrere Kunden oder Gruppen (%2): Verwenden Sie den Pfad.</translation>
    </message>
    <message>
        <source>There is no customer or group &quot;%1&quot;.</source>
        <translation>Es gibt keinen Kunden und keine Gruppe &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot; in %2.</source>
        <translation>Es gibt keine Gruppe &quot;%1&quot; in %2.</translation>
    </message>
    <message>
        <source>Name a customer or group: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;).</source>
        <translation>Geben Sie einen Kunden oder eine Gruppe an: einen Pfad (acme--berlin) oder Titel (&quot;Acme Logistics/Berlin depot&quot;).</translation>
    </message>
    <message>
        <source>%1 devices are named &quot;%2&quot;: name one by its device ID (%3).</source>
        <translation>%1 Geräte heißen &quot;%2&quot;: Geben Sie eines über seine Geräte-ID an (%3).</translation>
    </message>
    <message>
        <source>No device of the fleet has the ID, serial number, ICCID, IMEI or name &quot;%1&quot;.</source>
        <translation>Kein Gerät der Flotte hat die ID, Seriennummer, ICCID, IMEI oder den Namen &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>Not applied: add --yes to apply without a question (stdin is not a terminal).</source>
        <translation>Nicht angewendet: Fügen Sie --yes hinzu, um ohne Rückfrage anzuwenden (stdin ist kein Terminal).</translation>
    </message>
    <message>
        <source> [y/N] </source>
        <translation> [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>New: %1.</source>
        <translation>Neu: %1.</translation>
    </message>
    <message>
        <source>Deleted: %1.</source>
        <translation>Gelöscht: %1.</translation>
    </message>
    <message>
        <source>The firmware release of %1 is deleted with it (Undo does not bring it back).</source>
        <translation>Die Firmware-Freigabe von %1 wird mit gelöscht (Rückgängig stellt sie nicht wieder her).</translation>
    </message>
    <message>
        <source>Requests to the cloud: about %1.</source>
        <translation>Anfragen an die Cloud: etwa %1.</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Apply?</source>
        <translation>Anwenden?</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <source>Another Flotilla open on this cache sends the changes and runs the rollouts.</source>
        <translation>Ein anderes Flotilla, das diesen Cache geöffnet hat, sendet die Änderungen und führt die Rollouts aus.</translation>
    </message>
    <message>
        <source>%1, open on this cache, sends the changes and runs the rollouts.</source>
        <translation>%1 (auf diesem Cache geöffnet) sendet die Änderungen und führt die Rollouts aus.</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Änderungen werden gesendet</translation>
    </message>
    <message>
        <source>Refused by the cloud: %1</source>
        <translation>Von der Cloud abgelehnt: %1</translation>
    </message>
    <message>
        <source>Every change was taken by the cloud.</source>
        <translation>Jede Änderung wurde von der Cloud übernommen.</translation>
    </message>
    <message>
        <source>Print what the edit would do, and change nothing (exit status 0 when it could be applied).</source>
        <translation>Ausgeben, was die Änderung bewirken würde, und nichts ändern (Exit-Status 0, wenn sie angewendet werden könnte).</translation>
    </message>
    <message>
        <source>%1 is a group, not a customer: use &quot;flotillactl group …&quot;.</source>
        <translation>%1 ist eine Gruppe, kein Kunde: Verwenden Sie &quot;flotillactl group …&quot;.</translation>
    </message>
    <message>
        <source>%1 is a customer, not a group: use &quot;flotillactl customer …&quot;.</source>
        <translation>%1 ist ein Kunde, keine Gruppe: Verwenden Sie &quot;flotillactl customer …&quot;.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Name the devices to move, or list them in a file: --from-file FILE.</source>
        <translation>Geben Sie die zu verschiebenden Geräte an oder listen Sie sie in einer Datei auf: --from-file FILE.</translation>
    </message>
    <message>
        <source>Say where the devices go: --to PATH (a path, titles, &quot;unassigned&quot; or &quot;returns&quot;).</source>
        <translation>Geben Sie an, wohin die Geräte kommen: --to PATH (ein Pfad, Titel, &quot;unassigned&quot; oder &quot;returns&quot;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; a customer account is named by one.</source>
        <translation>&quot;%1&quot; ist keine E-Mail-Adresse; ein Kundenkonto wird über eine E-Mail-Adresse angegeben.</translation>
    </message>
    <message>
        <source>The product has no customer account %1: create it in the console (New customer…, &quot;Create the account now&quot;), or name an existing one.</source>
        <translation>Das Produkt hat kein Kundenkonto %1: Legen Sie es in der Konsole an (Neuer Kunde…, &quot;Konto jetzt anlegen&quot;), oder geben Sie ein vorhandenes an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would be a customer: a group&apos;s path is its parent&apos;s path, &quot;--&quot; and its short name (acme--berlin--lab); or name it by titles (&quot;Acme Logistics/Berlin depot/Lab&quot;). Customers: &quot;flotillactl customer add&quot;.</source>
        <translation>&quot;%1&quot; wäre ein Kunde: Der Pfad einer Gruppe ist der Pfad ihres übergeordneten Knotens, &quot;--&quot; und ihr Kurzname (acme--berlin--lab); oder geben Sie sie über Titel an (&quot;Acme Logistics/Berlin depot/Lab&quot;). Kunden: &quot;flotillactl customer add&quot;.</translation>
    </message>
    <message>
        <source>There is no customer or group %1 to create %2 in.</source>
        <translation>Es gibt keinen Kunden und keine Gruppe %1, um darin %2 anzulegen.</translation>
    </message>
    <message>
        <source>--title goes with a path (acme--berlin--lab); named by titles, the last one is the new group&apos;s title.</source>
        <translation>--title gehört zu einem Pfad (acme--berlin--lab); bei Angabe über Titel ist der letzte der Titel der neuen Gruppe.</translation>
    </message>
    <message>
        <source>Name the new group under its customer or group: a path (acme--berlin--lab) or titles (&quot;Acme Logistics/Berlin depot/Lab&quot;).</source>
        <translation>Geben Sie die neue Gruppe unter ihrem Kunden oder ihrer Gruppe an: einen Pfad (acme--berlin--lab) oder Titel (&quot;Acme Logistics/Berlin depot/Lab&quot;).</translation>
    </message>
    <message>
        <source>%1 has this title already: nothing to change.</source>
        <translation>%1 hat diesen Titel bereits: Es gibt nichts zu ändern.</translation>
    </message>
    <message>
        <source>Say where the group goes: --to PATH (the customer or group it goes under).</source>
        <translation>Geben Sie an, wohin die Gruppe kommt: --to PATH (der übergeordnete Kunde oder die übergeordnete Gruppe).</translation>
    </message>
    <message>
        <source>%1 to import into the product</source>
        <translation>%1 zum Import ins Produkt</translation>
    </message>
    <message>
        <source>%1 to move</source>
        <translation>%1 zum Verschieben</translation>
    </message>
    <message>
        <source>%1 to rename</source>
        <translation>%1 zum Umbenennen</translation>
    </message>
    <message>
        <source>%1 with new notes</source>
        <translation>%1 mit neuen Notizen</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>%1 with errors</source>
        <translation>%1 mit Fehlern</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Nicht importierte Spalten: %1.</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>Zeile %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: split it into smaller lists.</source>
        <translation>%1 ist größer als %2 MB: Teilen Sie die Datei in kleinere Listen auf.</translation>
    </message>
    <message>
        <source>--sheet is for XLSX workbooks, and %1 is none.</source>
        <translation>--sheet ist für XLSX-Arbeitsmappen, und %1 ist keine.</translation>
    </message>
    <message>
        <source>%1 has no rows to import.</source>
        <translation>%1 enthält keine Zeilen zum Importieren.</translation>
    </message>
    <message>
        <source>--to is not used: the customer and group columns of %1 say where each device goes.</source>
        <translation>--to wird nicht verwendet: Die Kunden- und Gruppenspalten von %1 geben an, wohin jedes Gerät kommt.</translation>
    </message>
    <message>
        <source>Import?</source>
        <translation>Importieren?</translation>
    </message>
    <message>
        <source>Name the file to write: -o FILE.</source>
        <translation>Geben Sie die zu schreibende Datei an: -o FILE.</translation>
    </message>
    <message>
        <source>--format is csv or xlsx.</source>
        <translation>--format ist csv oder xlsx.</translation>
    </message>
    <message>
        <source>--delimiter is &apos;,&apos; or &apos;;&apos;.</source>
        <translation>--delimiter ist &apos;,&apos; oder &apos;;&apos;.</translation>
    </message>
    <message>
        <source>Name the columns: --columns a,b,…</source>
        <translation>Geben Sie die Spalten an: --columns a,b,…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles separated by &apos;/&apos; or &apos;›&apos; (&quot;Acme Logistics/Berlin depot&quot;).</source>
        <translation>PATH: ein Pfad (acme--berlin) oder durch &apos;/&apos; oder &apos;›&apos; getrennte Titel (&quot;Acme Logistics/Berlin depot&quot;).</translation>
    </message>
    <message>
        <source>It prints its effect as the console&apos;s confirmation says it and asks before applying (unless --yes; without a terminal it needs --yes); --dry-run prints it and changes nothing. Then it waits until the cloud has taken the change (exit status 4 when the cloud cannot be reached: the change stays queued and &quot;flotillactl push&quot; sends it).</source>
        <translation>Der Befehl gibt seine Auswirkung so aus, wie die Bestätigung der Konsole sie nennt, und fragt vor dem Anwenden nach (außer mit --yes; ohne Terminal ist --yes erforderlich); --dry-run gibt sie aus und ändert nichts. Danach wartet er, bis die Cloud die Änderung übernommen hat (Exit-Status 4, wenn die Cloud nicht erreichbar ist: Die Änderung bleibt in der Warteschlange und &quot;flotillactl push&quot; sendet sie).</translation>
    </message>
    <message>
        <source>Moves devices to a customer, a group, Unassigned or Returns</source>
        <translation>Verschiebt Geräte zu einem Kunden, in eine Gruppe, nach „Nicht zugeordnet“ oder „Rücksendungen“</translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name. --from-file FILE lists more, one a line (blank lines and lines starting with &apos;#&apos; are skipped). When any of them names no device, nothing is moved (exit status 1).
--to PATH: a path, titles, or the pools &quot;unassigned&quot; and &quot;returns&quot;.
</source>
        <translation>DEVICE: eine Geräte-ID, Seriennummer, ICCID, IMEI oder ein Name. --from-file FILE listet weitere auf, eines pro Zeile (leere Zeilen und Zeilen, die mit &apos;#&apos; beginnen, werden übersprungen). Wenn eines davon kein Gerät bezeichnet, wird nichts verschoben (Exit-Status 1).
--to PATH: ein Pfad, Titel oder die Pools &quot;unassigned&quot; und &quot;returns&quot;.
</translation>
    </message>
    <message>
        <source>Where the devices go.</source>
        <translation>Wohin die Geräte kommen.</translation>
    </message>
    <message>
        <source>A file of device identifiers, one a line.</source>
        <translation>Eine Datei mit Gerätekennungen, eine pro Zeile.</translation>
    </message>
    <message>
        <source>Creates a customer</source>
        <translation>Legt einen Kunden an</translation>
    </message>
    <message>
        <source>TITLE: the name people see. --slug: its short name, the start of its groups&apos; Particle names (suggested from the title when not given; the JSON document says the path). --account: a customer account of the product to link (devices moved to the customer are claimed to it); the console creates new accounts.
</source>
        <translation>TITLE: der Name, den Benutzer sehen. --slug: sein Kurzname, der Anfang der Particle-Namen seiner Gruppen (wird aus dem Titel vorgeschlagen, wenn nicht angegeben; das JSON-Dokument nennt den Pfad). --account: ein zu verknüpfendes Kundenkonto des Produkts (zum Kunden verschobene Geräte werden für dieses Konto beansprucht); neue Konten legt die Konsole an.
</translation>
    </message>
    <message>
        <source>The short name.</source>
        <translation>Der Kurzname.</translation>
    </message>
    <message>
        <source>The customer account to link.</source>
        <translation>Das zu verknüpfende Kundenkonto.</translation>
    </message>
    <message>
        <source>Gives a customer a new title</source>
        <translation>Gibt einem Kunden einen neuen Titel</translation>
    </message>
    <message>
        <source> Its short name and path stay.
</source>
        <translation> Kurzname und Pfad bleiben erhalten.
</translation>
    </message>
    <message>
        <source>Deletes a customer and its groups; their devices go to Unassigned</source>
        <translation>Löscht einen Kunden und seine Gruppen; ihre Geräte kommen nach „Nicht zugeordnet“</translation>
    </message>
    <message>
        <source>Creates a group under a customer or group</source>
        <translation>Legt eine Gruppe unter einem Kunden oder einer Gruppe an</translation>
    </message>
    <message>
        <source>PATH is either the new group&apos;s path, its parent&apos;s path, &quot;--&quot; and its short name (acme--berlin--lab), titled --title T (else by its short name); or titles ending in the new group&apos;s title, under an existing customer or group (&quot;Acme Logistics/Berlin depot/Lab&quot;), its short name suggested from the title (the JSON document says the path).
</source>
        <translation>PATH ist entweder der Pfad der neuen Gruppe, also der Pfad ihres übergeordneten Knotens, &quot;--&quot; und ihr Kurzname (acme--berlin--lab), mit dem Titel --title T (sonst mit ihrem Kurznamen); oder Titel, die mit dem Titel der neuen Gruppe enden, unter einem vorhandenen Kunden oder einer vorhandenen Gruppe (&quot;Acme Logistics/Berlin depot/Lab&quot;), wobei ihr Kurzname aus dem Titel vorgeschlagen wird (das JSON-Dokument nennt den Pfad).
</translation>
    </message>
    <message>
        <source>The title of a group named by its path.</source>
        <translation>Der Titel einer über ihren Pfad angegebenen Gruppe.</translation>
    </message>
    <message>
        <source>Moves a group, with its groups and devices, under another customer or group</source>
        <translation>Verschiebt eine Gruppe mit ihren Gruppen und Geräten unter einen anderen Kunden oder eine andere Gruppe</translation>
    </message>
    <message>
        <source> Its Particle group names change with its path; devices that change customer change owner and may get another firmware.
</source>
        <translation> Ihre Particle-Gruppennamen ändern sich mit ihrem Pfad; Geräte, die den Kunden wechseln, wechseln den Eigentümer und erhalten eventuell eine andere Firmware.
</translation>
    </message>
    <message>
        <source>The customer or group it goes under.</source>
        <translation>Der übergeordnete Kunde oder die übergeordnete Gruppe.</translation>
    </message>
    <message>
        <source>Gives a group a new title</source>
        <translation>Gibt einer Gruppe einen neuen Titel</translation>
    </message>
    <message>
        <source>Deletes a group and the groups below it; their devices go to Unassigned</source>
        <translation>Löscht eine Gruppe und die Gruppen darunter; ihre Geräte kommen nach „Nicht zugeordnet“</translation>
    </message>
    <message>
        <source>Imports a spreadsheet of devices (CSV or XLSX) as the console does</source>
        <translation>Importiert eine Gerätetabelle (CSV oder XLSX) wie die Konsole</translation>
    </message>
    <message>
        <source>The import rules of the console (docs/import.md): the columns are read from the header row (device ID, serial number, ICCID, IMEI, name, customer, group, notes); a file of one column is a list of identifiers. Devices not in the product yet are imported into it.
--sheet NAME: the sheet of an XLSX workbook (else the first). --to PATH: where the devices of a file without customer and group columns go (a path, titles, unassigned or returns). --create-missing: customers and groups the file names that do not exist are created (else their rows are errors).
A file with rows in error is not imported (exit status 1) unless --only-valid says to import the other rows (exit status 1 too, the rows left out said). Rows the cloud refuses are said by their row numbers (exit status 1).
--dry-run prints the plan (with --json: rows, counts, creates, requests and rows_detail) and changes nothing: exit status 0 when no row is an error, else 1.
It asks before applying unless --yes, then waits until the cloud has taken the import.</source>
        <translation>Die Importregeln der Konsole (docs/import.md): Die Spalten werden aus der Kopfzeile gelesen (Geräte-ID, Seriennummer, ICCID, IMEI, Name, Kunde, Gruppe, Notizen); eine Datei mit einer Spalte ist eine Liste von Kennungen. Geräte, die noch nicht im Produkt sind, werden in das Produkt importiert.
--sheet NAME: das Blatt einer XLSX-Arbeitsmappe (sonst das erste). --to PATH: wohin die Geräte einer Datei ohne Kunden- und Gruppenspalten kommen (ein Pfad, Titel, unassigned oder returns). --create-missing: Kunden und Gruppen, die die Datei nennt und die nicht existieren, werden angelegt (sonst sind ihre Zeilen Fehler).
Eine Datei mit fehlerhaften Zeilen wird nicht importiert (Exit-Status 1), außer --only-valid gibt an, die übrigen Zeilen zu importieren (ebenfalls Exit-Status 1, die ausgelassenen Zeilen werden genannt). Zeilen, die die Cloud ablehnt, werden mit ihren Zeilennummern genannt (Exit-Status 1).
--dry-run gibt den Plan aus (mit --json: rows, counts, creates, requests und rows_detail) und ändert nichts: Exit-Status 0, wenn keine Zeile fehlerhaft ist, sonst 1.
Vor dem Anwenden wird nachgefragt, außer mit --yes; danach wird gewartet, bis die Cloud den Import übernommen hat.</translation>
    </message>
    <message>
        <source>The sheet of an XLSX workbook.</source>
        <translation>Das Blatt einer XLSX-Arbeitsmappe.</translation>
    </message>
    <message>
        <source>Where the devices of a list of identifiers go.</source>
        <translation>Wohin die Geräte einer Liste von Kennungen kommen.</translation>
    </message>
    <message>
        <source>Create the customers and groups the file names that do not exist.</source>
        <translation>Kunden und Gruppen anlegen, die die Datei nennt und die nicht existieren.</translation>
    </message>
    <message>
        <source>Import the rows without errors, leaving the others out.</source>
        <translation>Die Zeilen ohne Fehler importieren und die anderen auslassen.</translation>
    </message>
    <message>
        <source>Writes devices to a CSV or XLSX file, as the console&apos;s Export…</source>
        <translation>Schreibt Geräte in eine CSV- oder XLSX-Datei, wie „Exportieren…“ in der Konsole</translation>
    </message>
    <message>
        <source>PATH: a path, titles, or the pools unassigned, returns, needs-repair; several: the devices of any of them; none: the whole fleet.
--format: csv or xlsx (else from the file&apos;s suffix: .xlsx is xlsx, anything else csv). --delimiter: &apos;,&apos; (the default) or &apos;;&apos; for CSV.
--columns: device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending (default: device_id, name, serial, customer, group, firmware_running, firmware_targeted, online, last_heard, notes).
--filter: the console&apos;s filter (see &quot;flotillactl help devices&quot;).
A file that was there is replaced only once the new one is complete.</source>
        <translation>PATH: ein Pfad, Titel oder die Pools unassigned, returns, needs-repair; mehrere: die Geräte aller davon; keiner: die ganze Flotte.
--format: csv oder xlsx (sonst nach der Dateiendung: .xlsx ist xlsx, alles andere csv). --delimiter: &apos;,&apos; (Standard) oder &apos;;&apos; für CSV.
--columns: device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending (Standard: device_id, name, serial, customer, group, firmware_running, firmware_targeted, online, last_heard, notes).
--filter: der Filter der Konsole (siehe &quot;flotillactl help devices&quot;).
Eine bereits vorhandene Datei wird erst ersetzt, wenn die neue vollständig ist.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>csv or xlsx.</source>
        <translation>csv oder xlsx.</translation>
    </message>
    <message>
        <source>Columns, comma-separated.</source>
        <translation>Spalten, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>CSV: &apos;,&apos; or &apos;;&apos;.</source>
        <translation>CSV: &apos;,&apos; oder &apos;;&apos;.</translation>
    </message>
    <message>
        <source>The console&apos;s filter.</source>
        <translation>Der Filter der Konsole.</translation>
    </message>
    <message>
        <source>lock and flash</source>
        <translation>festlegen und flashen</translation>
    </message>
    <message>
        <source>release</source>
        <translation>freigeben</translation>
    </message>
    <message>
        <source>staged</source>
        <translation>gestaffelt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a firmware version (a number from 1 to 65535).</source>
        <translation>&quot;%1&quot; ist keine Firmware-Version (eine Zahl von 1 bis 65535).</translation>
    </message>
    <message>
        <source>The product has no firmware version %1 (&quot;flotillactl firmware ls&quot; lists them; &quot;flotillactl firmware upload&quot; adds one).</source>
        <translation>Das Produkt hat keine Firmware-Version %1 (&quot;flotillactl firmware ls&quot; listet sie auf; &quot;flotillactl firmware upload&quot; fügt eine hinzu).</translation>
    </message>
    <message>
        <source>Name what to flash with --to PATH.</source>
        <translation>Geben Sie mit --to PATH an, was geflasht werden soll.</translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: write GROUP or PERCENT%, then optionally :success% and :failure% (for example &quot;acme--berlin--test&quot;, &quot;25%:90%:5%&quot;).</source>
        <translation>--wave &quot;%1&quot;: Schreiben Sie GROUP oder PERCENT%, dann optional :success% und :failure% (zum Beispiel &quot;acme--berlin--test&quot;, &quot;25%:90%:5%&quot;).</translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: the share of devices is a percentage above 0 and at most 100.</source>
        <translation>--wave &quot;%1&quot;: Der Anteil der Geräte ist ein Prozentsatz über 0 und höchstens 100.</translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: %2</source>
        <translation>--wave &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: %2 is not under what is flashed (--to).</source>
        <translation>--wave &quot;%1&quot;: %2 liegt nicht unter dem, was geflasht wird (--to).</translation>
    </message>
    <message>
        <source>--wave &quot;%1&quot;: the %2 threshold: %3</source>
        <translation>--wave &quot;%1&quot;: Schwelle für %2: %3</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>v%1 to %2</source>
        <translation>v%1 für %2</translation>
    </message>
    <message>
        <source>none ×%1</source>
        <translation>keine ×%1</translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation>v%1 ×%2</translation>
    </message>
    <message>
        <source>Devices selected: %1</source>
        <translation>Ausgewählte Geräte: %1</translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2</source>
        <translation>Werden auf v%1 geflasht: %2</translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2 (now running %3)</source>
        <translation>Werden auf v%1 geflasht: %2 (derzeit auf %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Offline now: %1 (they update when they come back)</source>
        <translation>Derzeit offline: %1 (sie werden aktualisiert, wenn sie wieder online sind)</translation>
    </message>
    <message>
        <source>Development devices, skipped: %1</source>
        <translation>Entwicklungsgeräte, übersprungen: %1</translation>
    </message>
    <message>
        <source>Locked to another version, lock replaced: %1</source>
        <translation>Auf eine andere Version festgelegt, Festlegung ersetzt: %1</translation>
    </message>
    <message>
        <source>Locked, skipped (their lock wins): %1</source>
        <translation>Festgelegt, übersprungen (ihre Festlegung hat Vorrang): %1</translation>
    </message>
    <message>
        <source>Held by a higher release of another group, skipped: %1 (flash lock reaches them)</source>
        <translation>Durch eine höhere Freigabe einer anderen Gruppe gehalten, übersprungen: %1 (mit flash lock erreichbar)</translation>
    </message>
    <message>
        <source>Already running v%1, skipped: %2</source>
        <translation>Laufen bereits mit v%1, übersprungen: %2</translation>
    </message>
    <message>
        <source>Still being updated by another rollout, skipped: %1</source>
        <translation>Werden noch von einem anderen Rollout aktualisiert, übersprungen: %1</translation>
    </message>
    <message>
        <source>next wave at %1 succeeded, pause at %2 failed</source>
        <translation>nächste Welle bei %1 erfolgreich, Anhalten bei %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>pause at %1 failed</source>
        <translation>Anhalten bei %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Device timeout: %1</source>
        <translation>Geräte-Zeitlimit: %1</translation>
    </message>
    <message>
        <source>%1/%2 succeeded</source>
        <translation>%1/%2 erfolgreich</translation>
    </message>
    <message>
        <source>, %1 failed or timed out</source>
        <translation>, %1 fehlgeschlagen oder Zeit überschritten</translation>
    </message>
    <message>
        <source>, %1 in flight</source>
        <translation>, %1 laufend</translation>
    </message>
    <message>
        <source>, %1 not started</source>
        <translation>, %1 nicht gestartet</translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation>, %1 abgebrochen</translation>
    </message>
    <message>
        <source>, %1 rolled back</source>
        <translation>, %1 zurückgerollt</translation>
    </message>
    <message>
        <source>wave %1/%2 “%3”: </source>
        <translation>Welle %1/%2 „%3“: </translation>
    </message>
    <message>
        <source>the console</source>
        <translation>die Konsole</translation>
    </message>
    <message>
        <source>another Flotilla</source>
        <translation>ein anderes Flotilla</translation>
    </message>
    <message>
        <source>another Flotilla (%1)</source>
        <translation>ein anderes Flotilla (%1)</translation>
    </message>
    <message>
        <source>The rollouts of this cache are run by %1: this command asks it and follows what it does.</source>
        <translation>Die Rollouts dieses Caches führt %1 aus: Dieser Befehl fragt dort an und verfolgt, was geschieht.</translation>
    </message>
    <message>
        <source>%1 has not answered within a minute: the request stays in the cache, and is run when it gets to it.</source>
        <translation>Innerhalb einer Minute hat %1 nicht geantwortet: Die Anfrage bleibt im Cache und wird ausgeführt, sobald sie an der Reihe ist.</translation>
    </message>
    <message>
        <source>The rollout could not be started.</source>
        <translation>Der Rollout konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Sending the requests to the cloud…</source>
        <translation>Die Anfragen werden an die Cloud gesendet…</translation>
    </message>
    <message>
        <source>The cloud has not taken every request in time: the rest is sent while Flotilla runs on this cache (the console, or &quot;flotillactl rollout watch %1&quot;).</source>
        <translation>Die Cloud hat nicht jede Anfrage rechtzeitig übernommen: Der Rest wird gesendet, während Flotilla auf diesem Cache läuft (die Konsole oder &quot;flotillactl rollout watch %1&quot;).</translation>
    </message>
    <message>
        <source>The fleet could not be read again: %1</source>
        <translation>Die Flotte konnte nicht erneut gelesen werden: %1</translation>
    </message>
    <message>
        <source>No device to flash: every selected device is skipped.</source>
        <translation>Kein Gerät zu flashen: Jedes ausgewählte Gerät wird übersprungen.</translation>
    </message>
    <message>
        <source>Start?</source>
        <translation>Starten?</translation>
    </message>
    <message>
        <source>Started rollout %1 “%2”.</source>
        <translation>Rollout %1 „%2“ gestartet.</translation>
    </message>
    <message>
        <source>The next waves start while Flotilla runs on this cache: the console, or &quot;flotillactl rollout watch %1&quot;.</source>
        <translation>Die nächsten Wellen starten, während Flotilla auf diesem Cache läuft: die Konsole oder &quot;flotillactl rollout watch %1&quot;.</translation>
    </message>
    <message>
        <source>Follow it with &quot;flotillactl rollout watch %1&quot;.</source>
        <translation>Verfolgen Sie ihn mit &quot;flotillactl rollout watch %1&quot;.</translation>
    </message>
    <message>
        <source>product default</source>
        <translation>Produktstandard</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Released to</source>
        <translation>Freigegeben für</translation>
    </message>
    <message>
        <source>Give the version with --version N.</source>
        <translation>Geben Sie die Version mit --version N an.</translation>
    </message>
    <message>
        <source>--version &quot;%1&quot;: a number from 1 to 65535.</source>
        <translation>--version &quot;%1&quot;: eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Give the firmware a title with --title T.</source>
        <translation>Geben Sie der Firmware mit --title T einen Titel.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>The product has a version %1 already (“%2”): upload a new version number.</source>
        <translation>Das Produkt hat bereits eine Version %1 („%2“): Laden Sie sie mit einer neuen Versionsnummer hoch.</translation>
    </message>
    <message>
        <source>Upload?</source>
        <translation>Hochladen?</translation>
    </message>
    <message>
        <source>Uploaded version %1 “%2”.</source>
        <translation>Version %1 „%2“ hochgeladen.</translation>
    </message>
    <message>
        <source>--timeout &quot;%1&quot;: a duration such as 24h, 90m or 3600s.</source>
        <translation>--timeout &quot;%1&quot;: eine Dauer wie 24h, 90m oder 3600s.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rollout ID (&quot;flotillactl rollout ls&quot; lists them).</source>
        <translation>„%1“ ist keine Rollout-ID („flotillactl rollout ls“ listet sie auf).</translation>
    </message>
    <message>
        <source>There is no rollout %1 (&quot;flotillactl rollout ls&quot; lists them).</source>
        <translation>Es gibt keinen Rollout %1 („flotillactl rollout ls“ listet sie auf).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Rollout:</source>
        <translation>Rollout:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Fortschritt:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Device timeout:</source>
        <translation>Geräte-Zeitlimit:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Cancelled / back</source>
        <translation>Abgebrochen / zurück</translation>
    </message>
    <message>
        <source>Next at / pause at</source>
        <translation>Weiter bei / Anhalten bei</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Only a running rollout can be paused.</source>
        <translation>Nur ein laufender Rollout kann angehalten werden.</translation>
    </message>
    <message>
        <source>Only a paused rollout can be resumed.</source>
        <translation>Nur ein angehaltener Rollout kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Rollout %1 resumes; the failures of wave %2 are accepted.</source>
        <translation>Rollout %1 wird fortgesetzt; die Fehler von Welle %2 werden akzeptiert.</translation>
    </message>
    <message>
        <source>Rollout %1 resumes.</source>
        <translation>Rollout %1 wird fortgesetzt.</translation>
    </message>
    <message>
        <source>Only a running or paused rollout can start its next wave.</source>
        <translation>Nur ein laufender oder angehaltener Rollout kann seine nächste Welle starten.</translation>
    </message>
    <message>
        <source>The rollout is in its last wave.</source>
        <translation>Der Rollout ist in seiner letzten Welle.</translation>
    </message>
    <message>
        <source>Only a running or paused rollout can be aborted.</source>
        <translation>Nur ein laufender oder angehaltener Rollout kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>Rollout %1 is aborted: %2 device(s) not started yet are cancelled, %3 updating finish, %4 updated stay as they are.</source>
        <translation>Rollout %1 wird abgebrochen: Noch nicht gestartete Geräte (%2) werden abgebrochen, laufende Aktualisierungen (%3) werden abgeschlossen, aktualisierte Geräte (%4) bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>The rollout is already rolled back.</source>
        <translation>Der Rollout ist bereits zurückgerollt.</translation>
    </message>
    <message>
        <source>Rollout %1 is aborted and rolled back: </source>
        <translation>Rollout %1 wird abgebrochen und zurückgerollt: </translation>
    </message>
    <message>
        <source>Rollout %1 is rolled back: </source>
        <translation>Rollout %1 wird zurückgerollt: </translation>
    </message>
    <message>
        <source>no device runs v%1 yet.</source>
        <translation>noch kein Gerät läuft mit v%1.</translation>
    </message>
    <message>
        <source>Rollout %1: %2.</source>
        <translation>Rollout %1: %2.</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Rollout %1</source>
        <translation>Rollout %1</translation>
    </message>
    <message>
        <source>Rollout %1 was removed.</source>
        <translation>Rollout %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Rollout %1 “%2”: %3 — %4.</source>
        <translation>Rollout %1 „%2“: %3 — %4.</translation>
    </message>
    <message>
        <source>Rollout %1 paused: %2. &quot;flotillactl rollout resume %1&quot; accepts the failures and goes on; &quot;rollout rollback %1&quot; takes it back.</source>
        <translation>Rollout %1 angehalten: %2. &quot;flotillactl rollout resume %1&quot; akzeptiert die Fehler und macht weiter; &quot;rollout rollback %1&quot; nimmt ihn zurück.</translation>
    </message>
    <message>
        <source>Rollout %1 did not complete: %2%3.</source>
        <translation>Rollout %1 wurde nicht abgeschlossen: %2%3.</translation>
    </message>
    <message>
        <source>The product&apos;s firmware versions, where they are released and run</source>
        <translation>Die Firmware-Versionen des Produkts, wo sie freigegeben sind und laufen</translation>
    </message>
    <message>
        <source>Uploads a firmware binary as a new version of the product</source>
        <translation>Lädt eine Firmware-Binärdatei als neue Version des Produkts hoch</translation>
    </message>
    <message>
        <source>FILE: the binary (.bin). The version must be new to the product.</source>
        <translation>FILE: die Binärdatei (.bin). Die Version muss für das Produkt neu sein.</translation>
    </message>
    <message>
        <source>The version number (1–65535).</source>
        <translation>Die Versionsnummer (1–65535).</translation>
    </message>
    <message>
        <source>The version&apos;s title.</source>
        <translation>Der Titel der Version.</translation>
    </message>
    <message>
        <source>Release notes.</source>
        <translation>Versionshinweise.</translation>
    </message>
    <message>
        <source>Locks devices to a version and flashes them now (lock and flash)</source>
        <translation>Legt Geräte auf eine Version fest und flasht sie jetzt (festlegen und flashen)</translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name. Online devices are flashed now, offline ones at their next handshake; existing locks are replaced, downgrades are possible. Prints the impact and asks unless --yes; the rollout is followed with &quot;rollout watch ID&quot;.</source>
        <translation>DEVICE: eine Geräte-ID, Seriennummer, ICCID, IMEI oder ein Name. Online-Geräte werden jetzt geflasht, Offline-Geräte bei ihrem nächsten Handshake; vorhandene Festlegungen werden ersetzt, Downgrades sind möglich. Gibt die Auswirkung aus und fragt nach, außer mit --yes; der Rollout wird mit &quot;rollout watch ID&quot; verfolgt.</translation>
    </message>
    <message>
        <source>Releases a version to customers&apos; and groups&apos; devices</source>
        <translation>Gibt eine Version für die Geräte von Kunden und Gruppen frei</translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;); several with --to PATH --to PATH or --to PATH PATH. Devices that join them later get it too. Standard: devices update at their next handshake (over about a week); --intelligent: online devices update now. Locked devices and devices held by a higher release elsewhere are skipped (flash lock reaches them).</source>
        <translation>PATH: ein Pfad (acme--berlin) oder Titel (&quot;Acme Logistics/Berlin depot&quot;); mehrere mit --to PATH --to PATH oder --to PATH PATH. Geräte, die später hinzukommen, erhalten sie ebenfalls. Standard: Geräte werden bei ihrem nächsten Handshake aktualisiert (über etwa eine Woche); --intelligent: Online-Geräte werden jetzt aktualisiert. Festgelegte Geräte und Geräte, die durch eine höhere Freigabe an anderer Stelle gehalten werden, werden übersprungen (mit flash lock erreichbar).</translation>
    </message>
    <message>
        <source>A customer or group to release to.</source>
        <translation>Ein Kunde oder eine Gruppe, für die freigegeben wird.</translation>
    </message>
    <message>
        <source>Push the update to online devices now.</source>
        <translation>Das Update jetzt an Online-Geräte übertragen.</translation>
    </message>
    <message>
        <source>Starts a staged rollout: waves of devices, with thresholds</source>
        <translation>Startet einen gestaffelten Rollout: Wellen von Geräten, mit Schwellen</translation>
    </message>
    <message>
        <source>Each --wave, in order: a group under the targets (the test group) or a share of the devices left (&quot;25%&quot;), with the success threshold that starts the next wave (95% unless given) and the failure threshold that pauses the rollout (10%): --wave acme--berlin--test:100%:1 --wave 25% --wave 100%. The last wave takes every device left. Without --wave: the console&apos;s plan (the test groups, 25%, the rest). --timeout: how long a device may take (24h, 90m, 3600s). Prints the impact per wave and asks unless --yes. The first wave starts now; the next ones while Flotilla runs on the cache (the console, or &quot;rollout watch ID&quot;).</source>
        <translation>Jede --wave, der Reihe nach: eine Gruppe unter den Zielen (die Testgruppe) oder ein Anteil der verbleibenden Geräte (&quot;25%&quot;), mit der Erfolgsschwelle, die die nächste Welle startet (95%, sofern nicht angegeben), und der Fehlerschwelle, die den Rollout anhält (10%): --wave acme--berlin--test:100%:1 --wave 25% --wave 100%. Die letzte Welle nimmt alle verbleibenden Geräte. Ohne --wave: der Plan der Konsole (die Testgruppen, 25%, der Rest). --timeout: wie lange ein Gerät brauchen darf (24h, 90m, 3600s). Gibt die Auswirkung pro Welle aus und fragt nach, außer mit --yes. Die erste Welle startet jetzt; die nächsten, während Flotilla auf dem Cache läuft (die Konsole oder &quot;rollout watch ID&quot;).</translation>
    </message>
    <message>
        <source>A customer or group to roll out to.</source>
        <translation>Ein Kunde oder eine Gruppe für den Rollout.</translation>
    </message>
    <message>
        <source>A wave, in order (repeatable).</source>
        <translation>Eine Welle, der Reihe nach (wiederholbar).</translation>
    </message>
    <message>
        <source>Device timeout (default 24h).</source>
        <translation>Geräte-Zeitlimit (Standard 24h).</translation>
    </message>
    <message>
        <source>The rollouts: state, wave, progress</source>
        <translation>Die Rollouts: Status, Welle, Fortschritt</translation>
    </message>
    <message>
        <source>One rollout: its waves, progress and failed devices</source>
        <translation>Ein Rollout: seine Wellen, Fortschritt und fehlgeschlagene Geräte</translation>
    </message>
    <message>
        <source>With --json also every device of the rollout.</source>
        <translation>Mit --json auch jedes Gerät des Rollouts.</translation>
    </message>
    <message>
        <source>Pauses a rollout: no new wave, no new request</source>
        <translation>Hält einen Rollout an: keine neue Welle, keine neue Anfrage</translation>
    </message>
    <message>
        <source>Devices already targeted go on.</source>
        <translation>Bereits angesteuerte Geräte machen weiter.</translation>
    </message>
    <message>
        <source>Resumes a paused rollout</source>
        <translation>Setzt einen angehaltenen Rollout fort</translation>
    </message>
    <message>
        <source>After a pause for failures, the failures of that wave are accepted.</source>
        <translation>Nach einem Anhalten wegen Fehlern werden die Fehler dieser Welle akzeptiert.</translation>
    </message>
    <message>
        <source>Starts a rollout&apos;s next wave now</source>
        <translation>Startet jetzt die nächste Welle eines Rollouts</translation>
    </message>
    <message>
        <source>Skips the success threshold (and a pause).</source>
        <translation>Überspringt die Erfolgsschwelle (und ein Anhalten).</translation>
    </message>
    <message>
        <source>Aborts a rollout</source>
        <translation>Bricht einen Rollout ab</translation>
    </message>
    <message>
        <source>Devices not started yet are cancelled; devices updating finish; updated devices stay as they are.</source>
        <translation>Noch nicht gestartete Geräte werden abgebrochen; laufende Aktualisierungen werden abgeschlossen; aktualisierte Geräte bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Returns a rollout&apos;s updated devices to their previous version</source>
        <translation>Setzt die aktualisierten Geräte eines Rollouts auf ihre vorherige Version zurück</translation>
    </message>
    <message>
        <source>Aborts it if needed; the devices are locked to their previous version and flashed, and stay locked.</source>
        <translation>Bricht ihn bei Bedarf ab; die Geräte werden auf ihre vorherige Version festgelegt und geflasht und bleiben festgelegt.</translation>
    </message>
    <message>
        <source>Follows a rollout until it completes, is aborted or rolled back</source>
        <translation>Verfolgt einen Rollout, bis er abgeschlossen, abgebrochen oder zurückgerollt ist</translation>
    </message>
    <message>
        <source>A line per change (and a progress bar on a terminal); --json: the final state. Exit status 0 when it completed; 1 when it was aborted, rolled back or paused for failures (the reason printed). The rollout runs while it is watched.</source>
        <translation>Eine Zeile pro Änderung (und ein Fortschrittsbalken auf einem Terminal); --json: der Endzustand. Exit-Status 0, wenn er abgeschlossen wurde; 1, wenn er abgebrochen, zurückgerollt oder wegen Fehlern angehalten wurde (der Grund wird ausgegeben). Der Rollout läuft, solange er verfolgt wird.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>an API user&apos;s token</source>
        <translation>das Token eines API-Benutzers</translation>
    </message>
    <message>
        <source>the cloud refused the token</source>
        <translation>die Cloud hat das Token abgelehnt</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation>Angemeldet:</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>none (--api, --product)</source>
        <translation>keins (--api, --product)</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache:</translation>
    </message>
    <message>
        <source>Last full read:</source>
        <translation>Letzter vollständiger Abruf:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Pending changes:</source>
        <translation>Ausstehende Änderungen:</translation>
    </message>
    <message>
        <source>%1 (%2 waiting: %3)</source>
        <translation>%1 (%2 wartend: %3)</translation>
    </message>
    <message>
        <source>Request allowance:</source>
        <translation>Anfragekontingent:</translation>
    </message>
    <message>
        <source>%1 of %2 left in this %3-second window</source>
        <translation>%1 von %2 übrig in diesem %3-Sekunden-Fenster</translation>
    </message>
    <message>
        <source>Sign in with &quot;flotillactl login&quot;, or set FLOTILLA_TOKEN.</source>
        <translation>Melden Sie sich mit &quot;flotillactl login&quot; an oder setzen Sie FLOTILLA_TOKEN.</translation>
    </message>
    <message>
        <source>Reading the fleet from the cloud…</source>
        <translation>Die Flotte wird aus der Cloud gelesen…</translation>
    </message>
    <message>
        <source>Read %1 devices, %2 customers, %3 groups and %4 firmware versions.</source>
        <translation>%1 Geräte, %2 Kunden, %3 Gruppen und %4 Firmware-Versionen gelesen.</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>Customer / group</source>
        <translation>Kunde / Gruppe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Needs repair:</source>
        <translation>Reparatur nötig:</translation>
    </message>
    <message>
        <source>Nothing to send: every change was taken by the cloud.</source>
        <translation>Nichts zu senden: Jede Änderung wurde von der Cloud übernommen.</translation>
    </message>
    <message>
        <source>%1 sent, %2 pending.</source>
        <translation>%1 gesendet, %2 ausstehend.</translation>
    </message>
    <message>
        <source>--since takes a date and time as ISO 8601 (2026-12-07T09:30:00Z or 2026-12-07), not &quot;%1&quot;.</source>
        <translation>--since erwartet Datum und Uhrzeit nach ISO 8601 (2026-12-07T09:30:00Z oder 2026-12-07), nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--limit takes a number of lines (0: all).</source>
        <translation>--limit erwartet eine Anzahl von Zeilen (0: alle).</translation>
    </message>
    <message>
        <source>The activity log has no line that matches.</source>
        <translation>Das Aktivitätsprotokoll hat keine passende Zeile.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>Von → Nach</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Who is signed in, the product, the cache&apos;s age, pending changes, the request allowance left</source>
        <translation>Wer angemeldet ist, das Produkt, das Alter des Caches, ausstehende Änderungen, das verbleibende Anfragekontingent</translation>
    </message>
    <message>
        <source>Exit status 3 when no token is set or the cloud refuses it.</source>
        <translation>Exit-Status 3, wenn kein Token gesetzt ist oder die Cloud es ablehnt.</translation>
    </message>
    <message>
        <source>Reads the whole fleet from the cloud into the local cache</source>
        <translation>Liest die ganze Flotte aus der Cloud in den lokalen Cache</translation>
    </message>
    <message>
        <source>Customers and groups with their devices, online and firmware</source>
        <translation>Kunden und Gruppen mit ihren Geräten, Online-Status und Firmware</translation>
    </message>
    <message>
        <source>PATH: a path (acme--berlin) or titles (&quot;Acme Logistics/Berlin depot&quot;); without it, every customer and the pools. Counts include the groups below.</source>
        <translation>PATH: ein Pfad (acme--berlin) oder Titel (&quot;Acme Logistics/Berlin depot&quot;); ohne ihn jeder Kunde und die Pools. Die Zahlen schließen die Gruppen darunter ein.</translation>
    </message>
    <message>
        <source>The devices of a customer, group or pool, filtered as in the console</source>
        <translation>Die Geräte eines Kunden, einer Gruppe oder eines Pools, gefiltert wie in der Konsole</translation>
    </message>
    <message>
        <source>PATH: a path, titles, or the pools unassigned, returns, needs-repair; without it, every device.
--filter takes the console&apos;s filter: words, &quot;phrases&quot;, fw:5, target:5, online, offline, pending, locked, dev, off-target, id: name: serial: notes: owner: in:, and -term for not.
--columns: the export&apos;s columns (device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending).</source>
        <translation>PATH: ein Pfad, Titel oder die Pools unassigned, returns, needs-repair; ohne ihn jedes Gerät.
--filter erwartet den Filter der Konsole: Wörter, &quot;Phrasen&quot;, fw:5, target:5, online, offline, pending, locked, dev, off-target, id: name: serial: notes: owner: in:, und -term für die Verneinung.
--columns: die Spalten des Exports (device_id, name, serial, iccid, imei, platform, customer, group, firmware_running, firmware_targeted, locked, development, online, last_heard, owner, notes, pending).</translation>
    </message>
    <message>
        <source>One device: where it is, firmware, owner, notes</source>
        <translation>Ein Gerät: wo es ist, Firmware, Eigentümer, Notizen</translation>
    </message>
    <message>
        <source>DEVICE: a device ID, serial number, ICCID, IMEI or name.</source>
        <translation>DEVICE: eine Geräte-ID, Seriennummer, ICCID, IMEI oder ein Name.</translation>
    </message>
    <message>
        <source>Sends the pending changes of the local cache</source>
        <translation>Sendet die ausstehenden Änderungen des lokalen Caches</translation>
    </message>
    <message>
        <source>Without --wait it gives up after 10 minutes (exit status 4); the changes stay queued.</source>
        <translation>Ohne --wait gibt der Befehl nach 10 Minuten auf (Exit-Status 4); die Änderungen bleiben in der Warteschlange.</translation>
    </message>
    <message>
        <source>Wait until each change is confirmed, however long it takes.</source>
        <translation>Warten, bis jede Änderung bestätigt ist, egal wie lange es dauert.</translation>
    </message>
    <message>
        <source>The activity log: who changed what, from where, with what result</source>
        <translation>Das Aktivitätsprotokoll: wer was geändert hat, von wo, mit welchem Ergebnis</translation>
    </message>
    <message>
        <source>The lines of every Flotilla on this cache: the console, imports, flotillactl, rollouts and what was sent (source). --limit: the newest N lines (50 by default, 0 for all), printed oldest first; --json lists them newest first.</source>
        <translation>Die Zeilen aller Flotilla-Instanzen auf diesem Cache: die Konsole, Importe, flotillactl, Rollouts und was gesendet wurde (Quelle). --limit: die neuesten N Zeilen (standardmäßig 50, 0 für alle), älteste zuerst ausgegeben; --json listet sie neueste zuerst auf.</translation>
    </message>
    <message>
        <source>Lines at or after this time.</source>
        <translation>Zeilen ab diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>The newest N lines.</source>
        <translation>Die neuesten N Zeilen.</translation>
    </message>
    <message>
        <source>Name the cloud and product: flotillactl --api URL --product ID_OR_SLUG login (and --profile NAME to name the profile).</source>
        <translation>Geben Sie Cloud und Produkt an: flotillactl --api URL --product ID_OR_SLUG login (und --profile NAME, um das Profil zu benennen).</translation>
    </message>
    <message>
        <source>--api URL and --product ID_OR_SLUG go together (or --profile NAME of a profile that has them).</source>
        <translation>--api URL und --product ID_OR_SLUG gehören zusammen (oder --profile NAME eines Profils, das beide enthält).</translation>
    </message>
    <message>
        <source>--token, or --username: not both.</source>
        <translation>--token oder --username: nicht beides.</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>One-time code (from your authenticator app):</source>
        <translation>Einmalcode (aus Ihrer Authenticator-App):</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>No access token was given (on stdin).</source>
        <translation>Es wurde kein Zugriffstoken angegeben (auf stdin).</translation>
    </message>
    <message>
        <source>The cloud refused the access token.</source>
        <translation>Die Cloud hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <source>This account has no product &quot;%1&quot;.</source>
        <translation>Dieses Konto hat kein Produkt &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2; profile &quot;%3&quot; works with %4.</source>
        <translation>Bei %1 als %2 angemeldet; Profil &quot;%3&quot; arbeitet mit %4.</translation>
    </message>
    <message>
        <source>an API user</source>
        <translation>ein API-Benutzer</translation>
    </message>
    <message>
        <source>The token could not be kept in the system keychain (%1): set FLOTILLA_TOKEN for scripts instead.</source>
        <translation>Das Token konnte nicht im Schlüsselbund des Systems gespeichert werden (%1): Setzen Sie stattdessen FLOTILLA_TOKEN für Skripte.</translation>
    </message>
    <message>
        <source>The token could not be revoked: %1</source>
        <translation>Das Token konnte nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>No token is kept for %1.</source>
        <translation>Für %1 ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>Signed out of %1: the token is revoked and forgotten.</source>
        <translation>Von %1 abgemeldet: Das Token wurde widerrufen und entfernt.</translation>
    </message>
    <message>
        <source>The token for %1 is forgotten.</source>
        <translation>Das Token für %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>No profile yet: flotillactl --api URL --product ID login</source>
        <translation>Noch kein Profil: flotillactl --api URL --product ID login</translation>
    </message>
    <message>
        <source>  Profile</source>
        <translation>  Profil</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Signs in and keeps the token in the system keychain, as a profile</source>
        <translation>Meldet an und speichert das Token als Profil im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>With --api URL --product ID_OR_SLUG (and --profile NAME, &quot;default&quot; otherwise). The access token (--token, the default: an API user&apos;s token) or the password (--username) is read from the terminal without echo, or from stdin; when Particle asks for it, the one-time code of the authenticator app follows on the next line. Never give a secret as an argument.</source>
        <translation>Mit --api URL --product ID_OR_SLUG (und --profile NAME, sonst &quot;default&quot;). Das Zugriffstoken (--token, die Standardeinstellung: das Token eines API-Benutzers) oder das Passwort (--username) wird ohne Echo vom Terminal oder von stdin gelesen; wenn Particle danach fragt, folgt der Einmalcode der Authenticator-App in der nächsten Zeile. Geben Sie ein Geheimnis nie als Argument an.</translation>
    </message>
    <message>
        <source>Sign in with an access token read from stdin.</source>
        <translation>Mit einem von stdin gelesenen Zugriffstoken anmelden.</translation>
    </message>
    <message>
        <source>Sign in with this account&apos;s password (and one-time code).</source>
        <translation>Mit dem Passwort dieses Kontos (und Einmalcode) anmelden.</translation>
    </message>
    <message>
        <source>Revokes the token kept for the profile&apos;s cloud and forgets it</source>
        <translation>Widerruft das für die Cloud des Profils gespeicherte Token und entfernt es</translation>
    </message>
    <message>
        <source>The profiles (* marks the one used without --profile)</source>
        <translation>Die Profile (* markiert das ohne --profile verwendete)</translation>
    </message>
    <message>
        <source>The profile to use (&quot;flotillactl profiles&quot; lists them).</source>
        <translation>Das zu verwendende Profil (&quot;flotillactl profiles&quot; listet sie auf).</translation>
    </message>
    <message>
        <source>The Particle API (https://api.particle.io; http only on loopback), with --product.</source>
        <translation>Die Particle-API (https://api.particle.io; http nur auf Loopback), mit --product.</translation>
    </message>
    <message>
        <source>The product, by ID or slug, with --api.</source>
        <translation>Das Produkt, per ID oder Slug, mit --api.</translation>
    </message>
    <message>
        <source>The local cache file (the console&apos;s own for the product by default).</source>
        <translation>Die lokale Cache-Datei (standardmäßig die der Konsole für das Produkt).</translation>
    </message>
    <message>
        <source>One JSON document on stdout; messages and progress on stderr.</source>
        <translation>Ein JSON-Dokument auf stdout; Meldungen und Fortschritt auf stderr.</translation>
    </message>
    <message>
        <source>Apply edits without asking.</source>
        <translation>Änderungen ohne Rückfrage anwenden.</translation>
    </message>
    <message>
        <source>flotillactl: the Flotilla console on the command line.</source>
        <translation>flotillactl: die Flotilla-Konsole auf der Kommandozeile.</translation>
    </message>
    <message>
        <source>Usage: flotillactl [--profile NAME | --api URL --product ID_OR_SLUG] [--cache FILE] [--json] [--yes] COMMAND …</source>
        <translation>Aufruf: flotillactl [--profile NAME | --api URL --product ID_OR_SLUG] [--cache FILE] [--json] [--yes] COMMAND …</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>help COMMAND: what a command does</source>
        <translation>help COMMAND: was ein Befehl tut</translation>
    </message>
    <message>
        <source>completion bash|zsh: the shell completion script</source>
        <translation>completion bash|zsh: das Skript für die Shell-Vervollständigung</translation>
    </message>
    <message>
        <source>Options of every command:</source>
        <translation>Optionen aller Befehle:</translation>
    </message>
    <message>
        <source>The access token comes from the system keychain (flotillactl login) or the FLOTILLA_TOKEN environment variable.</source>
        <translation>Das Zugriffstoken stammt aus dem Schlüsselbund des Systems (flotillactl login) oder aus der Umgebungsvariablen FLOTILLA_TOKEN.</translation>
    </message>
    <message>
        <source>Exit status: 0 done; 1 done in part or refused; 2 usage error; 3 not signed in or the token was refused; 4 the cloud could not be reached.</source>
        <translation>Exit-Status: 0 erledigt; 1 teilweise erledigt oder abgelehnt; 2 Aufruffehler; 3 nicht angemeldet oder das Token wurde abgelehnt; 4 die Cloud war nicht erreichbar.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>%1 needs a value (%2).</source>
        <translation>%1 benötigt einen Wert (%2).</translation>
    </message>
    <message>
        <source>Name a command.</source>
        <translation>Geben Sie einen Befehl an.</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;.</source>
        <translation>Es gibt keinen Befehl &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>completion bash, or completion zsh.</source>
        <translation>completion bash oder completion zsh.</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot; (&quot;flotillactl help&quot; lists them).</source>
        <translation>Es gibt keinen Befehl &quot;%1&quot; (&quot;flotillactl help&quot; listet sie auf).</translation>
    </message>
    <message>
        <source>Which one? %1</source>
        <translation>Welcher? %1</translation>
    </message>
    <message>
        <source>%1 (usage: %2)</source>
        <translation>%1 (Aufruf: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) get a new name.</source>
        <translation>
            <numerusform>%Ln Gerät erhält einen neuen Namen.</numerusform>
            <numerusform>%Ln Geräte erhalten einen neuen Namen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) get new notes.</source>
        <translation>
            <numerusform>%Ln Gerät erhält neue Notizen.</numerusform>
            <numerusform>%Ln Geräte erhalten neue Notizen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) are imported into the product.</source>
        <translation>
            <numerusform>%Ln Gerät wird in das Produkt importiert.</numerusform>
            <numerusform>%Ln Geräte werden in das Produkt importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %Ln change(s) stay queued in the local cache.</source>
        <translation>
            <numerusform>Nicht angemeldet: %Ln Änderung bleibt im lokalen Cache in der Warteschlange.</numerusform>
            <numerusform>Nicht angemeldet: %Ln Änderungen bleiben im lokalen Cache in der Warteschlange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud refused the access token: %Ln change(s) stay queued.</source>
        <translation>
            <numerusform>Die Cloud hat das Zugriffstoken abgelehnt: %Ln Änderung bleibt in der Warteschlange.</numerusform>
            <numerusform>Die Cloud hat das Zugriffstoken abgelehnt: %Ln Änderungen bleiben in der Warteschlange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cloud cannot be reached: %Ln change(s) stay queued in the local cache; &quot;flotillactl push&quot; sends them.</source>
        <translation>
            <numerusform>Die Cloud ist nicht erreichbar: %Ln Änderung bleibt im lokalen Cache in der Warteschlange; &quot;flotillactl push&quot; sendet sie.</numerusform>
            <numerusform>Die Cloud ist nicht erreichbar: %Ln Änderungen bleiben im lokalen Cache in der Warteschlange; &quot;flotillactl push&quot; sendet sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed yet: %Ln change(s) stay queued in the local cache for the Flotilla that sends them.</source>
        <translation>
            <numerusform>Noch nicht bestätigt: %Ln Änderung bleibt im lokalen Cache in der Warteschlange für das Flotilla, das sie sendet.</numerusform>
            <numerusform>Noch nicht bestätigt: %Ln Änderungen bleiben im lokalen Cache in der Warteschlange für das Flotilla, das sie sendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) wait: %1</source>
        <translation>
            <numerusform>%Ln Änderung wartet: %1</numerusform>
            <numerusform>%Ln Änderungen warten: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) still pending.</source>
        <translation>
            <numerusform>%Ln Änderung steht noch aus.</numerusform>
            <numerusform>%Ln Änderungen stehen noch aus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln identifier(s) name no device of the fleet: nothing was moved.</source>
        <translation>
            <numerusform>%Ln Kennung bezeichnet kein Gerät der Flotte: Es wurde nichts verschoben.</numerusform>
            <numerusform>%Ln Kennungen bezeichnen kein Gerät der Flotte: Es wurde nichts verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s): %1.</source>
        <translation>
            <numerusform>%Ln Zeile: %1.</numerusform>
            <numerusform>%Ln Zeilen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more row(s) with errors.</source>
        <translation>
            <numerusform>… und %Ln weitere Zeile mit Fehlern.</numerusform>
            <numerusform>… und %Ln weitere Zeilen mit Fehlern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors were left out.</source>
        <translation>
            <numerusform>%Ln Zeile mit Fehlern wurde ausgelassen.</numerusform>
            <numerusform>%Ln Zeilen mit Fehlern wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln device(s) of the import.</source>
        <translation>
            <numerusform>Particle hat %Ln Gerät des Imports nicht übernommen.</numerusform>
            <numerusform>Particle hat %Ln Geräte des Imports nicht übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) written to %1.</source>
        <translation>
            <numerusform>%Ln Gerät in %1 geschrieben.</numerusform>
            <numerusform>%Ln Geräte in %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln Stunde</numerusform>
            <numerusform>%Ln Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln Minute</numerusform>
            <numerusform>%Ln Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln Sekunde</numerusform>
            <numerusform>%Ln Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → v%2: %Ln device(s)</source>
        <translation>
            <numerusform>%1 → v%2: %Ln Gerät</numerusform>
            <numerusform>%1 → v%2: %Ln Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrade(s): running a newer version than v%1, flashed back.</source>
        <translation>
            <numerusform>%Ln Downgrade: läuft mit einer neueren Version als v%1, wird zurückgeflasht.</numerusform>
            <numerusform>%Ln Downgrades: laufen mit einer neueren Version als v%1, werden zurückgeflasht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wave %1 “%2”: %Ln device(s) (%3), %4</source>
        <translation>
            <numerusform>Welle %1 „%2“: %Ln Gerät (%3), %4</numerusform>
            <numerusform>Welle %1 „%2“: %Ln Geräte (%3), %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Upload %1 (%Ln byte(s)) as version %2 “%3” of the product.</source>
        <translation>
            <numerusform>%1 (%Ln Byte) als Version %2 „%3“ des Produkts hochladen.</numerusform>
            <numerusform>%1 (%Ln Bytes) als Version %2 „%3“ des Produkts hochladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 pauses: no new wave starts and no new request is sent; %Ln device(s) already targeted go on.</source>
        <translation>
            <numerusform>Rollout %1 wird angehalten: Keine neue Welle startet und keine neue Anfrage wird gesendet; %Ln bereits angesteuertes Gerät macht weiter.</numerusform>
            <numerusform>Rollout %1 wird angehalten: Keine neue Welle startet und keine neue Anfrage wird gesendet; %Ln bereits angesteuerte Geräte machen weiter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout %1 starts wave %2 “%3” now: %Ln device(s).</source>
        <translation>
            <numerusform>Rollout %1 startet jetzt Welle %2 „%3“: %Ln Gerät.</numerusform>
            <numerusform>Rollout %1 startet jetzt Welle %2 „%3“: %Ln Geräte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) return from v%1 to their previous version (%2) and stay locked to it.</source>
        <translation>
            <numerusform>%Ln Gerät kehrt von v%1 zu seiner vorherigen Version (%2) zurück und bleibt darauf festgelegt.</numerusform>
            <numerusform>%Ln Geräte kehren von v%1 zu ihrer vorherigen Version (%2) zurück und bleiben darauf festgelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s) ago</source>
        <translation>
            <numerusform>vor %Ln Sekunde</numerusform>
            <numerusform>vor %Ln Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>vor %Ln Minute</numerusform>
            <numerusform>vor %Ln Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>vor %Ln Stunde</numerusform>
            <numerusform>vor %Ln Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>vor %Ln Tag</numerusform>
            <numerusform>vor %Ln Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s).</source>
        <translation>
            <numerusform>%Ln Gerät.</numerusform>
            <numerusform>%Ln Geräte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln change(s)…</source>
        <translation>
            <numerusform>%Ln Änderung wird gesendet…</numerusform>
            <numerusform>%Ln Änderungen werden gesendet…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Domain</name>
    <message>
        <source>a device name has 1 to %1 characters</source>
        <translation>ein Gerätename hat 1 bis %1 Zeichen</translation>
    </message>
    <message>
        <source>“%1” cannot be a device name: only letters A–Z, digits, &apos;_&apos; and &apos;-&apos; are allowed</source>
        <translation>„%1“ kann kein Gerätename sein: Nur die Buchstaben A–Z, Ziffern, &apos;_&apos; und &apos;-&apos; sind erlaubt</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Returns pool</source>
        <translation>Pool „Rücksendungen“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid attribute name: use lowercase letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter</source>
        <translation>&apos;%1&apos; ist kein gültiger Attributname: Verwenden Sie Kleinbuchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <source>The value of &apos;%1&apos; must be one word without spaces or brackets: &apos;%2&apos;</source>
        <translation>Der Wert von &apos;%1&apos; muss ein Wort ohne Leerzeichen oder Klammern sein: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Only a customer can be linked to a customer account</source>
        <translation>Nur ein Kunde kann mit einem Kundenkonto verknüpft werden</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the Returns pool, but its description tags it as a %2</source>
        <translation>&apos;%1&apos; ist der Pool „Rücksendungen“, aber seine Beschreibung markiert ihn als %2</translation>
    </message>
    <message>
        <source>The description of &apos;%1&apos; has a Flotilla tag that cannot be read: &apos;%2&apos;</source>
        <translation>Die Beschreibung von &apos;%1&apos; enthält eine Flotilla-Markierung, die nicht gelesen werden kann: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as the Returns pool, but only &apos;%2&apos; is the Returns pool</source>
        <translation>&apos;%1&apos; ist als Pool „Rücksendungen“ markiert, aber nur &apos;%2&apos; ist der Pool „Rücksendungen“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a %2 but its name is not valid: %3</source>
        <translation>&apos;%1&apos; ist als %2 markiert, aber sein Name ist ungültig: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a customer, but a customer&apos;s group name has no &apos;--&apos;</source>
        <translation>&apos;%1&apos; ist als Kunde markiert, aber der Gruppenname eines Kunden enthält kein &apos;--&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is tagged as a group, but a group&apos;s name starts with its customer&apos;s, as in &apos;customer--%1&apos;</source>
        <translation>&apos;%1&apos; ist als Gruppe markiert, aber der Name einer Gruppe beginnt mit dem ihres Kunden, wie in &apos;customer--%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a group of the tree, but its parent &apos;%2&apos; is not a node of the tree</source>
        <translation>&apos;%1&apos; ist eine Gruppe des Baums, aber ihr übergeordneter Knoten &apos;%2&apos; ist kein Knoten des Baums</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a group of the tree, but its parent &apos;%2&apos; does not exist</source>
        <translation>&apos;%1&apos; ist eine Gruppe des Baums, aber ihr übergeordneter Knoten &apos;%2&apos; existiert nicht</translation>
    </message>
    <message>
        <source>The device is in the groups of more than one customer (%1); a device belongs to one customer only</source>
        <translation>Das Gerät ist in den Gruppen mehrerer Kunden (%1); ein Gerät gehört nur zu einem Kunden</translation>
    </message>
    <message>
        <source>The device is in more than one branch of the tree (%1); a device sits at one node only</source>
        <translation>Das Gerät ist in mehr als einem Zweig des Baums (%1); ein Gerät befindet sich nur an einem Knoten</translation>
    </message>
    <message>
        <source>The device is in &apos;%1&apos; but not in %2, which every device under &apos;%1&apos; must also be in</source>
        <translation>Das Gerät ist in &apos;%1&apos;, aber nicht in %2, worin sich jedes Gerät unter &apos;%1&apos; ebenfalls befinden muss</translation>
    </message>
    <message>
        <source>The device is in the Returns pool and also in %1</source>
        <translation>Das Gerät ist im Pool „Rücksendungen“ und außerdem in %1</translation>
    </message>
    <message>
        <source>the group &apos;%1&apos;</source>
        <translation>Gruppe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 already exists in the product, where %2 would go</source>
        <translation>%1 existiert bereits im Produkt, an der Stelle, an die %2 käme</translation>
    </message>
    <message>
        <source>%1 is not a customer or group of the tree</source>
        <translation>%1 ist kein Kunde und keine Gruppe des Baums</translation>
    </message>
    <message>
        <source>%1 is a customer; a customer cannot be moved under another node (rename it instead)</source>
        <translation>%1 ist ein Kunde; ein Kunde kann nicht unter einen anderen Knoten verschoben werden (benennen Sie ihn stattdessen um)</translation>
    </message>
    <message>
        <source>%1 cannot be moved to the top level: only customers are there</source>
        <translation>%1 kann nicht auf die oberste Ebene verschoben werden: Dort gibt es nur Kunden</translation>
    </message>
    <message>
        <source>%1 cannot be moved onto itself</source>
        <translation>%1 kann nicht auf sich selbst verschoben werden</translation>
    </message>
    <message>
        <source>%1 cannot be moved into its own subtree (%2)</source>
        <translation>%1 kann nicht in den eigenen Teilbaum (%2) verschoben werden</translation>
    </message>
    <message>
        <source>%1 is already directly under %2</source>
        <translation>%1 liegt bereits direkt unter %2</translation>
    </message>
    <message>
        <source>%1 already has the short name &apos;%2&apos;</source>
        <translation>%1 hat bereits den Kurznamen &apos;%2&apos;</translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; would be %2 characters; Particle allows %3</source>
        <translation>Der Gruppenname &apos;%1&apos; hätte %2 Zeichen; Particle erlaubt %3</translation>
    </message>
    <message>
        <source>The short name must not be empty</source>
        <translation>Der Kurzname darf nicht leer sein</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; contains &apos;%2&apos;; use lowercase letters a-z, digits 0-9, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Der Kurzname &apos;%1&apos; enthält &apos;%2&apos;; verwenden Sie Kleinbuchstaben a-z, Ziffern 0-9, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; must start and end with a letter or a digit</source>
        <translation>Der Kurzname &apos;%1&apos; muss mit einem Buchstaben oder einer Ziffer beginnen und enden</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; contains &apos;%2&apos;; &apos;-&apos; and &apos;_&apos; may only stand alone between letters and digits</source>
        <translation>Der Kurzname &apos;%1&apos; enthält &apos;%2&apos;; &apos;-&apos; und &apos;_&apos; dürfen nur einzeln zwischen Buchstaben und Ziffern stehen</translation>
    </message>
    <message>
        <source>A group name must not be empty</source>
        <translation>Ein Gruppenname darf nicht leer sein</translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; contains &apos;%2&apos;; Particle allows only lowercase letters a-z, digits 0-9, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Der Gruppenname &apos;%1&apos; enthält &apos;%2&apos;; Particle erlaubt nur Kleinbuchstaben a-z, Ziffern 0-9, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <source>The group name &apos;%1&apos; has an empty part: &apos;--&apos; may only stand between two short names</source>
        <translation>Der Gruppenname &apos;%1&apos; hat einen leeren Teil: &apos;--&apos; darf nur zwischen zwei Kurznamen stehen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; would be %2 levels deep; at most %3 are allowed (a customer and %4 levels of groups)</source>
        <translation>&apos;%1&apos; wäre %2 Ebenen tief; höchstens %3 sind erlaubt (ein Kunde und %4 Ebenen von Gruppen)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved for the Returns pool</source>
        <translation>&apos;%1&apos; ist für den Pool „Rücksendungen“ reserviert</translation>
    </message>
    <message>
        <source>The title must be a single line of text</source>
        <translation>Der Titel muss eine einzelne Textzeile sein</translation>
    </message>
    <message>
        <source>The title is %1 characters long; at most %2 are allowed</source>
        <translation>Der Titel ist %1 Zeichen lang; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>The title must not contain &apos;[flotilla:&apos;</source>
        <translation>Der Titel darf nicht &apos;[flotilla:&apos; enthalten</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;: %3</source>
        <translation>%1, &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; has the unknown value &apos;%3&apos;</source>
        <translation>%1, &apos;%2&apos; hat den unbekannten Wert &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be %3</source>
        <translation>%1, &apos;%2&apos; muss %3 sein</translation>
    </message>
    <message>
        <source>it cannot be negative</source>
        <translation>der Wert darf nicht negativ sein</translation>
    </message>
    <message>
        <source>a share cannot exceed 100%</source>
        <translation>ein Anteil darf 100% nicht überschreiten</translation>
    </message>
    <message>
        <source>a number of devices must be whole</source>
        <translation>eine Anzahl von Geräten muss ganzzahlig sein</translation>
    </message>
    <message>
        <source>Enter a number of devices or a share of the wave, such as 3 or 10%</source>
        <translation>Geben Sie eine Anzahl von Geräten oder einen Anteil der Welle ein, z. B. 3 oder 10%</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a number of devices nor a share of the wave (such as 3 or 10%)</source>
        <translation>&apos;%1&apos; ist weder eine Anzahl von Geräten noch ein Anteil der Welle (z. B. 3 oder 10%)</translation>
    </message>
    <message>
        <source>A threshold cannot be negative: &apos;%1&apos;</source>
        <translation>Eine Schwelle darf nicht negativ sein: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A share of the wave cannot exceed 100%: &apos;%1&apos;</source>
        <translation>Ein Anteil der Welle darf 100% nicht überschreiten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A number of devices must be whole: &apos;%1&apos; (add % for a share of the wave)</source>
        <translation>Eine Anzahl von Geräten muss ganzzahlig sein: &apos;%1&apos; (fügen Sie % für einen Anteil der Welle hinzu)</translation>
    </message>
    <message>
        <source>All remaining</source>
        <translation>Alle übrigen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>The rollout&apos;s</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;seed&apos; must be a whole number, not &apos;%1&apos;</source>
        <translation>Im Rollout muss &apos;seed&apos; eine ganze Zahl sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;nodeTitles&apos; must be an object</source>
        <translation>Im Rollout muss &apos;nodeTitles&apos; ein Objekt sein</translation>
    </message>
    <message>
        <source>The rollout&apos;s title of &apos;%1&apos; must be a string</source>
        <translation>Im Rollout muss der Titel von &apos;%1&apos; eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>The rollout&apos;s &apos;waves&apos; must be a list</source>
        <translation>Im Rollout muss &apos;waves&apos; eine Liste sein</translation>
    </message>
    <message>
        <source>Wave %1&apos;s</source>
        <translation>Welle %1</translation>
    </message>
    <message>
        <source>%1 settings must be an object</source>
        <translation>%1: Die Einstellungen müssen ein Objekt sein</translation>
    </message>
    <message>
        <source>Choose the firmware version to flash</source>
        <translation>Wählen Sie die zu flashende Firmware-Version</translation>
    </message>
    <message>
        <source>Select at least one device, group or customer to flash</source>
        <translation>Wählen Sie mindestens ein Gerät, eine Gruppe oder einen Kunden zum Flashen aus</translation>
    </message>
    <message>
        <source>A release reaches customers and groups: select at least one, or flash single devices with Lock and flash or a staged rollout</source>
        <translation>Eine Freigabe erreicht Kunden und Gruppen: Wählen Sie mindestens einen Kunden oder eine Gruppe aus, oder flashen Sie einzelne Geräte mit „Festlegen und flashen“ oder einem gestaffelten Rollout</translation>
    </message>
    <message>
        <source>The device timeout must be at least one minute</source>
        <translation>Das Zeitlimit pro Gerät muss mindestens eine Minute betragen</translation>
    </message>
    <message>
        <source>Wave %1 needs test nodes or a share of the devices above 0% and up to 100%</source>
        <translation>Welle %1 braucht Testknoten oder einen Anteil der Geräte über 0% und bis zu 100%</translation>
    </message>
    <message>
        <source>Wave %1&apos;s success threshold %2 is not valid: %3</source>
        <translation>Die Erfolgsschwelle %2 von Welle %1 ist ungültig: %3</translation>
    </message>
    <message>
        <source>Wave %1&apos;s failure threshold %2 is not valid: %3</source>
        <translation>Die Fehlerschwelle %2 von Welle %1 ist ungültig: %3</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Wird zurückgerollt</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <source>Development devices are never updated by the cloud</source>
        <translation>Entwicklungsgeräte werden nie von der Cloud aktualisiert</translation>
    </message>
    <message>
        <source>It is locked to %1, and a lock wins over any release</source>
        <translation>Es ist auf %1 festgelegt, und eine Festlegung hat Vorrang vor jeder Freigabe</translation>
    </message>
    <message>
        <source>It already runs %1</source>
        <translation>Es läuft bereits mit %1</translation>
    </message>
    <message>
        <source>Another of its groups releases %1, which wins</source>
        <translation>Eine andere seiner Gruppen gibt %1 frei, und diese hat Vorrang</translation>
    </message>
    <message>
        <source>The release of %1 would not reach it</source>
        <translation>Die Freigabe von %1 würde es nicht erreichen</translation>
    </message>
    <message>
        <source>The device went offline during the update</source>
        <translation>Das Gerät ging während des Updates offline</translation>
    </message>
    <message>
        <source>Offline: it updates when it comes back</source>
        <translation>Offline: Es wird aktualisiert, sobald es wieder online ist</translation>
    </message>
    <message>
        <source>The device reported that the update failed (attempt %1)</source>
        <translation>Das Gerät hat gemeldet, dass das Update fehlgeschlagen ist (Versuch %1)</translation>
    </message>
    <message>
        <source>Updates are disabled on the device; it updates once they are enabled again</source>
        <translation>Updates sind auf dem Gerät deaktiviert; es wird aktualisiert, sobald sie wieder aktiviert sind</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Flotilla::Edit</name>
    <message>
        <source>The product&apos;s OAuth client is not known, so no customer account can be created</source>
        <translation>Der OAuth-Client des Produkts ist nicht bekannt, daher kann kein Kundenkonto erstellt werden</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>Rename %1 to &apos;%2&apos;</source>
        <translation>%1 in &apos;%2&apos; umbenennen</translation>
    </message>
    <message>
        <source>The fleet is not available</source>
        <translation>Die Flotte ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>The customer or group to move to is not in the tree any more</source>
        <translation>Der Zielkunde bzw. die Zielgruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>Unknown device %1</source>
        <translation>Unbekanntes Gerät %1</translation>
    </message>
    <message>
        <source>A customer or group of this change is not in the tree any more</source>
        <translation>Ein Kunde oder eine Gruppe dieser Änderung ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>%1 already exists where this change would put a customer or group</source>
        <translation>%1 existiert bereits dort, wo diese Änderung einen Kunden oder eine Gruppe anlegen würde</translation>
    </message>
    <message>
        <source>A group of the product outside the tree</source>
        <translation>Eine Gruppe des Produkts außerhalb des Baums</translation>
    </message>
    <message>
        <source>The customer or group to create it under is not in the tree any more</source>
        <translation>Der übergeordnete Kunde bzw. die übergeordnete Gruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>%1 is already %2 levels deep; no group can be created under it</source>
        <translation>%1 ist bereits %2 Ebenen tief; darunter kann keine Gruppe erstellt werden</translation>
    </message>
    <message>
        <source>Enter a title: the name people see in the tree</source>
        <translation>Geben Sie einen Titel ein: den Namen, der im Baum angezeigt wird</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is %2 characters long; Particle allows %3</source>
        <translation>Der Kurzname &apos;%1&apos; ist %2 Zeichen lang; Particle erlaubt %3</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is too long under %2: a short name there may have %3 characters</source>
        <translation>Der Kurzname &apos;%1&apos; ist unter %2 zu lang: Ein Kurzname darf dort %3 Zeichen haben</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by %2; choose another one</source>
        <translation>Der Kurzname &apos;%1&apos; ist hier bereits durch %2 belegt; wählen Sie einen anderen</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by a group of the product outside the tree; choose another one</source>
        <translation>Der Kurzname &apos;%1&apos; ist hier bereits durch eine Gruppe des Produkts außerhalb des Baums belegt; wählen Sie einen anderen</translation>
    </message>
    <message>
        <source>Nothing to move: the devices are no longer in the fleet.</source>
        <translation>Nichts zu verschieben: Die Geräte sind nicht mehr in der Flotte.</translation>
    </message>
    <message numerus="yes">
        <source>Already in %1: nothing to move.</source>
        <translation>
            <numerusform>Bereits in %1: nichts zu verschieben.</numerusform>
            <numerusform>Bereits in %1: nichts zu verschieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a customer can be linked to a customer account</source>
        <translation>Nur ein Kunde kann mit einem Kundenkonto verknüpft werden</translation>
    </message>
    <message>
        <source>Enter the customer account to create</source>
        <translation>Geben Sie das zu erstellende Kundenkonto ein</translation>
    </message>
    <message>
        <source>Create customer %1</source>
        <translation>Kunde %1 erstellen</translation>
    </message>
    <message>
        <source>Create group %1</source>
        <translation>Gruppe %1 erstellen</translation>
    </message>
    <message>
        <source>That customer or group is not in the tree any more.</source>
        <translation>Dieser Kunde bzw. diese Gruppe ist nicht mehr im Baum.</translation>
    </message>
    <message>
        <source>Change the title or the short name.</source>
        <translation>Ändern Sie den Titel oder den Kurznamen.</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>None of these devices is in the fleet.</source>
        <translation>Keines dieser Geräte ist in der Flotte.</translation>
    </message>
    <message>
        <source>Edit notes of %1</source>
        <translation>Notizen von %1 bearbeiten</translation>
    </message>
    <message>
        <source>The notes are unchanged.</source>
        <translation>Die Notizen sind unverändert.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>The name is unchanged.</source>
        <translation>Der Name ist unverändert.</translation>
    </message>
    <message>
        <source>Nothing to repair.</source>
        <translation>Nichts zu reparieren.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not in the fleet</source>
        <translation>%1: nicht in der Flotte</translation>
    </message>
    <message>
        <source>%1: more than one change of the same device</source>
        <translation>%1: mehr als eine Änderung desselben Geräts</translation>
    </message>
    <message>
        <source>a device to import has no identifier</source>
        <translation>ein zu importierendes Gerät hat keine Kennung</translation>
    </message>
    <message>
        <source>%1: imported twice</source>
        <translation>%1: doppelt importiert</translation>
    </message>
    <message>
        <source>The change cannot be made: %1</source>
        <translation>Die Änderung kann nicht vorgenommen werden: %1</translation>
    </message>
    <message>
        <source>Nothing to change: the fleet is as the batch says.</source>
        <translation>Nichts zu ändern: Die Flotte entspricht bereits dem Änderungsstapel.</translation>
    </message>
    <message>
        <source>No row without errors changes anything.</source>
        <translation>Keine fehlerfreie Zeile ändert etwas.</translation>
    </message>
    <message>
        <source>Nothing to change: the fleet is as the file says.</source>
        <translation>Nichts zu ändern: Die Flotte entspricht bereits der Datei.</translation>
    </message>
    <message>
        <source>imported, but not found in the product afterwards</source>
        <translation>importiert, aber danach nicht im Produkt gefunden</translation>
    </message>
    <message>
        <source>imported, but not placed: %1</source>
        <translation>importiert, aber nicht einsortiert: %1</translation>
    </message>
    <message>
        <source>The customer account %1 must be created first.</source>
        <translation>Das Kundenkonto %1 muss zuerst erstellt werden.</translation>
    </message>
    <message>
        <source>Retitle %1</source>
        <translation>Titel von %1 ändern</translation>
    </message>
    <message>
        <source>The customer account %1 could not be created, so the customer was not created either: %2</source>
        <translation>Das Kundenkonto %1 konnte nicht erstellt werden, daher wurde auch der Kunde nicht erstellt: %2</translation>
    </message>
    <message>
        <source>The customer account %1 already exists.</source>
        <translation>Das Kundenkonto %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Customer account %1 created.</source>
        <translation>Kundenkonto %1 erstellt.</translation>
    </message>
    <message>
        <source>%1 The customer was not created: %2</source>
        <translation>%1 Der Kunde wurde nicht erstellt: %2</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation>ICCID</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>“%1” is ambiguous: it matches %2</source>
        <translation>„%1“ ist mehrdeutig: Es passt zu %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>“%1” names no customer or group</source>
        <translation>„%1“ bezeichnet keinen Kunden und keine Gruppe</translation>
    </message>
    <message>
        <source>“%1” in the customer column names more than a customer</source>
        <translation>„%1“ in der Kundenspalte bezeichnet mehr als einen Kunden</translation>
    </message>
    <message>
        <source>There is no customer “%1” (allow creating missing customers and groups to create it)</source>
        <translation>Es gibt keinen Kunden „%1“ (erlauben Sie das Erstellen fehlender Kunden und Gruppen, um ihn zu erstellen)</translation>
    </message>
    <message>
        <source>There is no group “%1” in %2 (allow creating missing customers and groups to create it)</source>
        <translation>Es gibt keine Gruppe „%1“ in %2 (erlauben Sie das Erstellen fehlender Kunden und Gruppen, um sie zu erstellen)</translation>
    </message>
    <message>
        <source>There is no customer or group %1 (allow creating missing customers and groups to create it)</source>
        <translation>Es gibt keinen Kunden und keine Gruppe %1 (erlauben Sie das Erstellen fehlender Kunden und Gruppen, um sie zu erstellen)</translation>
    </message>
    <message>
        <source>The file would create more than %1 customers and groups: check which column holds what</source>
        <translation>Die Datei würde mehr als %1 Kunden und Gruppen erstellen: Prüfen Sie, welche Spalte was enthält</translation>
    </message>
    <message>
        <source>“%1” cannot be created in %2: there is no room for another level</source>
        <translation>„%1“ kann nicht in %2 erstellt werden: Für eine weitere Ebene ist kein Platz</translation>
    </message>
    <message>
        <source>“%1” cannot be created: a Particle group of its short name exists that is not a customer or group</source>
        <translation>„%1“ kann nicht erstellt werden: Es gibt eine Particle-Gruppe mit diesem Kurznamen, die weder ein Kunde noch eine Gruppe ist</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Import into the product</source>
        <translation>In das Produkt importieren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>the device ID “%1” is not 24 hexadecimal digits</source>
        <translation>die Geräte-ID „%1“ besteht nicht aus 24 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>the ICCID “%1” has %2 digits, not 19 or 20 (did a spreadsheet drop its leading zeros? Format the column as text)</source>
        <translation>die ICCID „%1“ hat %2 Ziffern, nicht 19 oder 20 (hat eine Tabellenkalkulation führende Nullen entfernt? Formatieren Sie die Spalte als Text)</translation>
    </message>
    <message>
        <source>the ICCID “%1” is not 19 or 20 digits</source>
        <translation>die ICCID „%1“ hat nicht 19 oder 20 Ziffern</translation>
    </message>
    <message>
        <source>the IMEI “%1” has %2 digits, not 15 (did a spreadsheet drop its leading zeros? Format the column as text)</source>
        <translation>die IMEI „%1“ hat %2 Ziffern, nicht 15 (hat eine Tabellenkalkulation führende Nullen entfernt? Formatieren Sie die Spalte als Text)</translation>
    </message>
    <message>
        <source>the IMEI “%1” is not 15 digits</source>
        <translation>die IMEI „%1“ hat nicht 15 Ziffern</translation>
    </message>
    <message>
        <source>the serial number “%1” is not one word of at most 64 characters</source>
        <translation>die Seriennummer „%1“ ist nicht ein einzelnes Wort mit höchstens 64 Zeichen</translation>
    </message>
    <message>
        <source>No column names the devices: choose which column holds device IDs, serial numbers, ICCIDs or IMEIs.</source>
        <translation>Keine Spalte bezeichnet die Geräte: Wählen Sie, welche Spalte Geräte-IDs, Seriennummern, ICCIDs oder IMEIs enthält.</translation>
    </message>
    <message>
        <source>column %1 holds %2 as a number that the spreadsheet rounded (%3): format the column as text and enter the numbers again</source>
        <translation>Spalte %1 enthält %2 als Zahl, die die Tabellenkalkulation gerundet hat (%3): Formatieren Sie die Spalte als Text und geben Sie die Nummern erneut ein</translation>
    </message>
    <message>
        <source>the row has two different %1s</source>
        <translation>die Zeile enthält zwei verschiedene Werte für %1</translation>
    </message>
    <message>
        <source>no device ID, serial number, ICCID or IMEI</source>
        <translation>keine Geräte-ID, Seriennummer, ICCID oder IMEI</translation>
    </message>
    <message>
        <source>the identifiers name two different devices: %1 by %2 and %3 by %4</source>
        <translation>die Kennungen bezeichnen zwei verschiedene Geräte: %1 (laut %2) und %3 (laut %4)</translation>
    </message>
    <message>
        <source>the identifiers name two different devices: %1 and %2</source>
        <translation>die Kennungen bezeichnen zwei verschiedene Geräte: %1 und %2</translation>
    </message>
    <message>
        <source>the %1 %2 is not that of device %3 (%4)</source>
        <translation>die %1 %2 gehört nicht zu Gerät %3 (%4)</translation>
    </message>
    <message>
        <source>same as row %1</source>
        <translation>wie Zeile %1</translation>
    </message>
    <message>
        <source>row %1 does something else with the same device</source>
        <translation>Zeile %1 macht etwas anderes mit demselben Gerät</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Name: %1 → %2</source>
        <translation>Name: %1 → %2</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notizen: %1</translation>
    </message>
    <message>
        <source>into Unassigned</source>
        <translation>nach „Nicht zugeordnet“</translation>
    </message>
    <message>
        <source>(not in the product)</source>
        <translation>(nicht im Produkt)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Changes and errors</source>
        <translation>Änderungen und Fehler</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>No device changes its firmware target.</source>
        <translation>Kein Gerät ändert sein Firmware-Ziel.</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1</source>
        <translation>
            <numerusform>%Ln Gerät nach %1 verschieben</numerusform>
            <numerusform>%Ln Geräte nach %1 verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation>
            <numerusform>%Ln Ort</numerusform>
            <numerusform>%Ln Orte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repair %Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät reparieren</numerusform>
            <numerusform>%Ln Geräte reparieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes cannot be made:</source>
        <translation>
            <numerusform>%Ln Änderung kann nicht vorgenommen werden:</numerusform>
            <numerusform>%Ln Änderungen können nicht vorgenommen werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln changes</source>
        <translation>
            <numerusform>%Ln Änderung importieren</numerusform>
            <numerusform>%Ln Änderungen importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät importieren</numerusform>
            <numerusform>%Ln Geräte importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln devices from %1</source>
        <translation>
            <numerusform>%Ln Gerät aus %1 importieren</numerusform>
            <numerusform>%Ln Geräte aus %1 importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows of the file have errors, so nothing was imported: correct the file, or import only the rows without errors.</source>
        <translation>
            <numerusform>%Ln Zeile der Datei enthält Fehler, daher wurde nichts importiert: Korrigieren Sie die Datei, oder importieren Sie nur die fehlerfreien Zeilen.</numerusform>
            <numerusform>%Ln Zeilen der Datei enthalten Fehler, daher wurde nichts importiert: Korrigieren Sie die Datei, oder importieren Sie nur die fehlerfreien Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln Änderung</numerusform>
            <numerusform>%Ln Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices move.</source>
        <translation>
            <numerusform>%Ln Gerät wird verschoben.</numerusform>
            <numerusform>%Ln Geräte werden verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups get new names to follow their new place; their devices and firmware releases stay with them.</source>
        <translation>
            <numerusform>%Ln Particle-Gruppe erhält einen neuen Namen passend zu ihrem neuen Ort; ihre Geräte und ihre Firmware-Freigabe bleiben bei ihr.</numerusform>
            <numerusform>%Ln Particle-Gruppen erhalten neue Namen passend zu ihren neuen Orten; ihre Geräte und Firmware-Freigaben bleiben bei ihnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation>
            <numerusform>%Ln Gerät wird für das Kundenkonto %1 beansprucht.</numerusform>
            <numerusform>%Ln Geräte werden für das Kundenkonto %1 beansprucht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation>
            <numerusform>%Ln Gerät wird von seinem bisherigen Eigentümer gelöst.</numerusform>
            <numerusform>%Ln Geräte werden von ihrem bisherigen Eigentümer gelöst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target: Particle will flash them when they next connect (or now, if they are online).</source>
        <translation>
            <numerusform>%Ln Gerät erhält ein neues Firmware-Ziel: Particle flasht es bei der nächsten Verbindung (oder sofort, wenn es online ist).</numerusform>
            <numerusform>%Ln Geräte erhalten ein neues Firmware-Ziel: Particle flasht sie bei ihrer nächsten Verbindung (oder sofort, wenn sie online sind).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are already there and do not change.</source>
        <translation>
            <numerusform>%Ln Gerät ist bereits dort und ändert sich nicht.</numerusform>
            <numerusform>%Ln Geräte sind bereits dort und ändern sich nicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices are no longer in the fleet and are left out.</source>
        <translation>
            <numerusform>%Ln Gerät ist nicht mehr in der Flotte und wird ausgelassen.</numerusform>
            <numerusform>%Ln Geräte sind nicht mehr in der Flotte und werden ausgelassen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Io</name>
    <message>
        <source>Row %1: the quote opened on line %2 is never closed; the rest of the file was read into one cell.</source>
        <translation>Zeile %1: Das in Textzeile %2 geöffnete Anführungszeichen wird nie geschlossen; der Rest der Datei wurde in eine einzige Zelle gelesen.</translation>
    </message>
    <message>
        <source>The file has %1 rows of %2 columns, more than %3 cells: it cannot be a list of devices (check that it was saved as a spreadsheet&apos;s CSV).</source>
        <translation>Die Datei hat %1 Zeilen mit %2 Spalten, mehr als %3 Zellen: Sie kann keine Geräteliste sein (prüfen Sie, ob sie als CSV einer Tabellenkalkulation gespeichert wurde).</translation>
    </message>
    <message>
        <source>The file cannot be written: it is not open for writing.</source>
        <translation>Die Datei kann nicht geschrieben werden: Sie ist nicht zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <source>CSV files are written with a comma, a semicolon or a tab between the cells.</source>
        <translation>CSV-Dateien werden mit einem Komma, einem Semikolon oder einem Tabulator zwischen den Zellen geschrieben.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The workbook is damaged: its part %1 cannot be read (%2).</source>
        <translation>Die Arbeitsmappe ist beschädigt: Ihr Teil %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>it ends early</source>
        <translation>er endet vorzeitig</translation>
    </message>
    <message>
        <source>The workbook&apos;s part %1 unpacks to %L2 MB from %L3 KB: too big for a sheet (at most 512 MB, compressed at most 200:1). The file is not read.</source>
        <translation>Der Teil %1 der Arbeitsmappe entpackt sich auf %L2 MB aus %L3 KB: zu groß für ein Tabellenblatt (höchstens 512 MB, höchstens 200:1 komprimiert). Die Datei wird nicht gelesen.</translation>
    </message>
    <message>
        <source>This is an old Excel workbook (.xls) or a password-protected one, which Flotilla cannot read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV.</source>
        <translation>Dies ist eine alte Excel-Arbeitsmappe (.xls) oder eine passwortgeschützte, die Flotilla nicht lesen kann. Öffnen Sie sie in Excel oder LibreOffice und speichern Sie sie als Excel-Arbeitsmappe (.xlsx) oder als CSV.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx): it holds text, perhaps CSV under another name. Save it as .xlsx or CSV, with the name ending that way.</source>
        <translation>Diese Datei ist keine Excel-Arbeitsmappe (.xlsx): Sie enthält Text, vielleicht CSV unter einem anderen Namen. Speichern Sie sie als .xlsx oder CSV, mit der passenden Dateiendung.</translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx). Open it in a spreadsheet and save it as .xlsx or CSV.</source>
        <translation>Diese Datei ist keine Excel-Arbeitsmappe (.xlsx). Öffnen Sie sie in einer Tabellenkalkulation und speichern Sie sie als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>The workbook is damaged or incomplete and cannot be opened (%1). Save it again as .xlsx or CSV.</source>
        <translation>Die Arbeitsmappe ist beschädigt oder unvollständig und kann nicht geöffnet werden (%1). Speichern Sie sie erneut als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>This is an OpenDocument spreadsheet (.ods), not an Excel workbook. Save it as .xlsx or CSV.</source>
        <translation>Dies ist eine OpenDocument-Tabelle (.ods), keine Excel-Arbeitsmappe. Speichern Sie sie als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>This ZIP archive is not an Excel workbook: it has no workbook inside. Save the spreadsheet as .xlsx or CSV.</source>
        <translation>Dieses ZIP-Archiv ist keine Excel-Arbeitsmappe: Es enthält keine Arbeitsmappe. Speichern Sie die Tabelle als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>a value holds an element</source>
        <translation>ein Wert enthält ein Element</translation>
    </message>
    <message>
        <source>The sheet is too big to read: %L1 rows by %L2 columns. Flotilla reads up to %L3 cells; remove what is not needed or split the sheet.</source>
        <translation>Das Tabellenblatt ist zu groß zum Lesen: %L1 Zeilen mal %L2 Spalten. Flotilla liest bis zu %L3 Zellen; entfernen Sie, was nicht benötigt wird, oder teilen Sie das Tabellenblatt auf.</translation>
    </message>
    <message>
        <source>a cell refers to shared text %1 of %2</source>
        <translation>eine Zelle verweist auf gemeinsamen Text %1 von %2</translation>
    </message>
    <message>
        <source>a number cell holds &quot;%1&quot;</source>
        <translation>eine Zahlenzelle enthält „%1“</translation>
    </message>
    <message>
        <source>a cell is beyond the last column (%1)</source>
        <translation>eine Zelle liegt hinter der letzten Spalte (%1)</translation>
    </message>
    <message>
        <source>a row has the number &quot;%1&quot;</source>
        <translation>eine Zeile hat die Nummer „%1“</translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation>Die Arbeitsmappe hat keine Tabellenblätter.</translation>
    </message>
    <message>
        <source>The workbook has no visible sheet with a table.</source>
        <translation>Die Arbeitsmappe hat kein sichtbares Tabellenblatt mit einer Tabelle.</translation>
    </message>
    <message>
        <source>The workbook has no sheet named “%1”; its sheets are %2.</source>
        <translation>Die Arbeitsmappe hat kein Tabellenblatt namens „%1“; ihre Tabellenblätter sind %2.</translation>
    </message>
    <message>
        <source>The sheet “%1” is a chart, not a table.</source>
        <translation>Das Tabellenblatt „%1“ ist ein Diagramm, keine Tabelle.</translation>
    </message>
    <message>
        <source>The workbook is damaged: its sheet “%1” is missing.</source>
        <translation>Die Arbeitsmappe ist beschädigt: Ihr Tabellenblatt „%1“ fehlt.</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 rows; this table has %L2.</source>
        <translation>Ein Excel-Tabellenblatt enthält höchstens %L1 Zeilen; diese Tabelle hat %L2.</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 columns; this table has %L2.</source>
        <translation>Ein Excel-Tabellenblatt enthält höchstens %L1 Spalten; diese Tabelle hat %L2.</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation>%1 ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation>Im Ordner %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The Excel file could not be started (out of memory?).</source>
        <translation>Die Excel-Datei konnte nicht angelegt werden (zu wenig Speicher?).</translation>
    </message>
    <message>
        <source>The Excel sheet could not be added.</source>
        <translation>Das Excel-Tabellenblatt konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>The Excel file could not be written: %1.</source>
        <translation>Die Excel-Datei konnte nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The Excel file could not be saved as %1: %2</source>
        <translation>Die Excel-Datei konnte nicht als %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Flotilla::Remote</name>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Anfragelimit erreicht</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Malformed answer</source>
        <translation>Fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>Insecure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>No network access manager</source>
        <translation>Kein Netzwerkzugriff</translation>
    </message>
    <message>
        <source>The event stream sent a line longer than %1 bytes</source>
        <translation>Der Ereignisstrom hat eine Zeile mit mehr als %1 Bytes gesendet</translation>
    </message>
    <message>
        <source>The event stream was silent for %1 ms</source>
        <translation>Der Ereignisstrom war %1 ms lang still</translation>
    </message>
    <message>
        <source>The server ended the event stream</source>
        <translation>Der Server hat den Ereignisstrom beendet</translation>
    </message>
    <message>
        <source>The event stream broke: %1</source>
        <translation>Der Ereignisstrom ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>The server answered %1 with %2 instead of an event stream</source>
        <translation>Der Server hat %1 mit %2 statt mit einem Ereignisstrom beantwortet</translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;%1&apos; is not an array</source>
        <translation>Fehlerhafte Antwort vom Server: &apos;%1&apos; ist kein Array</translation>
    </message>
    <message>
        <source>Malformed answer from the server: an item of &apos;%1&apos; is not an object</source>
        <translation>Fehlerhafte Antwort vom Server: ein Eintrag von &apos;%1&apos; ist kein Objekt</translation>
    </message>
    <message>
        <source>Malformed answer from the server: expected a JSON object</source>
        <translation>Fehlerhafte Antwort vom Server: JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>Malformed answer from the server: a success status with &quot;ok&quot;: %1</source>
        <translation>Fehlerhafte Antwort vom Server: ein Erfolgsstatus mit &quot;ok&quot;: %1</translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;%1&apos; is missing or not an object</source>
        <translation>Fehlerhafte Antwort vom Server: &apos;%1&apos; fehlt oder ist kein Objekt</translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;meta.total_pages&apos; is missing or not a non-negative integer</source>
        <translation>Fehlerhafte Antwort vom Server: &apos;meta.total_pages&apos; fehlt oder ist keine nicht-negative ganze Zahl</translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;meta.total_pages&apos; is %1, more than %2 pages of %3 (a product holds at most %4)</source>
        <translation>Fehlerhafte Antwort vom Server: &apos;meta.total_pages&apos; ist %1, mehr als %2 Seiten zu je %3 (ein Produkt umfasst höchstens %4)</translation>
    </message>
    <message>
        <source>Malformed answer from the server: an item of &apos;%1&apos; is not a string</source>
        <translation>Fehlerhafte Antwort vom Server: ein Eintrag von &apos;%1&apos; ist kein String</translation>
    </message>
    <message>
        <source>The scheme &apos;%1&apos; is not supported; use https</source>
        <translation>Das Schema &apos;%1&apos; wird nicht unterstützt; verwenden Sie https</translation>
    </message>
    <message>
        <source>Plain http to %1 would expose the access token; use https (http is only allowed to a loopback address)</source>
        <translation>Unverschlüsseltes http zu %1 würde das Zugriffstoken preisgeben; verwenden Sie https (http ist nur zu einer Loopback-Adresse erlaubt)</translation>
    </message>
    <message>
        <source>No API address given; use https://api.particle.io</source>
        <translation>Keine API-Adresse angegeben; verwenden Sie https://api.particle.io</translation>
    </message>
    <message>
        <source>The scheme &apos;%1&apos; in &apos;%2&apos; is not supported; use https://HOST (http:// only to a loopback address)</source>
        <translation>Das Schema &apos;%1&apos; in &apos;%2&apos; wird nicht unterstützt; verwenden Sie https://HOST (http:// nur zu einer Loopback-Adresse)</translation>
    </message>
    <message>
        <source>The API address &apos;%1&apos; must not have a query or a fragment</source>
        <translation>Die API-Adresse &apos;%1&apos; darf weder eine Abfrage noch ein Fragment enthalten</translation>
    </message>
    <message>
        <source>Signed out: %1</source>
        <translation>Abgemeldet: %1</translation>
    </message>
    <message>
        <source>Not signed in: there is no access token</source>
        <translation>Nicht angemeldet: kein Zugriffstoken vorhanden</translation>
    </message>
    <message>
        <source>Refused a redirect to another origin: %1</source>
        <translation>Weiterleitung zu einem anderen Ursprung abgelehnt: %1</translation>
    </message>
    <message>
        <source>No answer within %1 ms</source>
        <translation>Keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes</source>
        <translation>Die Verbindung wurde nach %1 von %2 Bytes geschlossen</translation>
    </message>
    <message>
        <source>Malformed answer to %1 (HTTP %2, %3): %4</source>
        <translation>Fehlerhafte Antwort auf %1 (HTTP %2, %3): %4</translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1</source>
        <translation>Unerwarteter HTTP-Status %1</translation>
    </message>
    <message>
        <source>Malformed answer from the server</source>
        <translation>Fehlerhafte Antwort vom Server</translation>
    </message>
    <message>
        <source>Cannot import &apos;%1&apos;: an identifier is one line, not blank</source>
        <translation>&apos;%1&apos; kann nicht importiert werden: eine Kennung ist eine Zeile und nicht leer</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>Malformed answer from the server: &apos;updated&apos; is not a number</source>
        <translation>Fehlerhafte Antwort vom Server: &apos;updated&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>Malformed answer from the server: expected a JSON array of firmware</source>
        <translation>Fehlerhafte Antwort vom Server: JSON-Array mit Firmware erwartet</translation>
    </message>
    <message>
        <source>Malformed token answer from the server: &apos;access_token&apos; is missing</source>
        <translation>Fehlerhafte Token-Antwort vom Server: &apos;access_token&apos; fehlt</translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout</name>
    <message>
        <source>The device could not be read: %1</source>
        <translation>Das Gerät konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The lock was refused: %1</source>
        <translation>Die Festlegung wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>Could not be unlocked: %1</source>
        <translation>Festlegung konnte nicht aufgehoben werden: %1</translation>
    </message>
    <message>
        <source>The firmware list could not be read</source>
        <translation>Die Firmware-Liste konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Releasing the version</source>
        <translation>Freigeben der Version</translation>
    </message>
    <message>
        <source>Returning to version %1</source>
        <translation>Rückkehr zu Version %1</translation>
    </message>
    <message>
        <source>Could not be locked to version %1: %2</source>
        <translation>Konnte nicht auf Version %1 festgelegt werden: %2</translation>
    </message>
    <message>
        <source>Taking devices out of the rollout group</source>
        <translation>Herausnehmen der Geräte aus der Rollout-Gruppe</translation>
    </message>
    <message>
        <source>Devices could not be taken out of the rollout group: %1</source>
        <translation>Geräte konnten nicht aus der Rollout-Gruppe genommen werden: %1</translation>
    </message>
    <message>
        <source>Rollback completed</source>
        <translation>Zurückrollen abgeschlossen</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Rollout paused</source>
        <translation>Rollout angehalten</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>The rollout could not be removed from the cache: %1</source>
        <translation>Der Rollout konnte nicht aus dem Cache entfernt werden: %1</translation>
    </message>
    <message>
        <source>The rollout could not be written to the cache: %1</source>
        <translation>Der Rollout konnte nicht in den Cache geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Still being updated by the rollout “%1”</source>
        <translation>Wird noch vom Rollout „%1“ aktualisiert</translation>
    </message>
    <message>
        <source>No device of the selection would be flashed.</source>
        <translation>Kein Gerät der Auswahl würde geflasht.</translation>
    </message>
    <message>
        <source>Rollout started</source>
        <translation>Rollout gestartet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Offline: it updates when it comes back</source>
        <translation>Offline: Es wird aktualisiert, sobald es wieder online ist</translation>
    </message>
    <message>
        <source>The rollout was aborted before the device started</source>
        <translation>Der Rollout wurde abgebrochen, bevor das Gerät begonnen hat</translation>
    </message>
    <message>
        <source>Flotilla rollout %1 (%2), wave %3</source>
        <translation>Flotilla-Rollout %1 (%2), Welle %3</translation>
    </message>
    <message>
        <source>Creating the rollout group</source>
        <translation>Erstellen der Rollout-Gruppe</translation>
    </message>
    <message>
        <source>The product already has a group of the name this rollout&apos;s wave needs, made by something else; the wave cannot start until it is removed</source>
        <translation>Das Produkt hat bereits eine Gruppe mit dem Namen, den die Welle dieses Rollouts benötigt, angelegt von etwas anderem; die Welle kann erst starten, wenn diese Gruppe entfernt ist</translation>
    </message>
    <message>
        <source>Adding devices to the rollout group</source>
        <translation>Hinzufügen der Geräte zur Rollout-Gruppe</translation>
    </message>
    <message>
        <source>No longer in the product</source>
        <translation>Nicht mehr im Produkt</translation>
    </message>
    <message>
        <source>Releasing the version to the selection</source>
        <translation>Freigeben der Version für die Auswahl</translation>
    </message>
    <message>
        <source>Deleting the rollout groups</source>
        <translation>Löschen der Rollout-Gruppen</translation>
    </message>
    <message>
        <source>Could not be taken out of the rollout group: %1</source>
        <translation>Konnte nicht aus der Rollout-Gruppe genommen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) did not return to their previous version in time</source>
        <translation>
            <numerusform>%Ln Gerät ist nicht rechtzeitig zu seiner vorherigen Version zurückgekehrt</numerusform>
            <numerusform>%Ln Geräte sind nicht rechtzeitig zu ihrer vorherigen Version zurückgekehrt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) of the selection are still being updated to v%1 by the rollout “%2”, and this release would reach them too. Wait for it to finish, abort it, or lock and flash instead.</source>
        <translation>
            <numerusform>%Ln Gerät der Auswahl wird noch vom Rollout „%2“ auf v%1 aktualisiert, und diese Freigabe würde es ebenfalls erreichen. Warten Sie, bis der Rollout abgeschlossen ist, brechen Sie ihn ab, oder verwenden Sie stattdessen „Festlegen und flashen“.</numerusform>
            <numerusform>%Ln Geräte der Auswahl werden noch vom Rollout „%2“ auf v%1 aktualisiert, und diese Freigabe würde sie ebenfalls erreichen. Warten Sie, bis der Rollout abgeschlossen ist, brechen Sie ihn ab, oder verwenden Sie stattdessen „Festlegen und flashen“.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 to %2 of %3 selected devices (%4 skipped), %Ln wave(s)</source>
        <translation>
            <numerusform>Version %1 für %2 von %3 ausgewählten Geräten (%4 übersprungen), %Ln Welle</numerusform>
            <numerusform>Version %1 für %2 von %3 ausgewählten Geräten (%4 übersprungen), %Ln Wellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not updated within %Ln hour(s)</source>
        <translation>
            <numerusform>Nicht innerhalb von %Ln Stunde aktualisiert</numerusform>
            <numerusform>Nicht innerhalb von %Ln Stunden aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not back on version %1 within %Ln hour(s)</source>
        <translation>
            <numerusform>Nicht innerhalb von %Ln Stunde zu Version %1 zurückgekehrt</numerusform>
            <numerusform>Nicht innerhalb von %Ln Stunden zu Version %1 zurückgekehrt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Rollout::RolloutEngine</name>
    <message>
        <source>The firmware could not be uploaded: %1</source>
        <translation>Die Firmware konnte nicht hochgeladen werden: %1</translation>
    </message>
    <message>
        <source>The rollouts are not loaded yet.</source>
        <translation>Die Rollouts sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>The product has no firmware version %1.</source>
        <translation>Das Produkt hat keine Firmware-Version %1.</translation>
    </message>
    <message>
        <source>The rollout could not be written to the cache: %1</source>
        <translation>Der Rollout konnte nicht in den Cache geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Wave %1: %2 of %3 devices failed or timed out</source>
        <translation>Welle %1: %2 von %3 Geräten fehlgeschlagen oder Zeit überschritten</translation>
    </message>
    <message>
        <source>Rollout paused</source>
        <translation>Rollout angehalten</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting for the operator to start wave %1</source>
        <translation>Wartet darauf, dass der Bediener Welle %1 startet</translation>
    </message>
    <message>
        <source>Rollout completed</source>
        <translation>Rollout abgeschlossen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1 devices updated, %2 failed or timed out</source>
        <translation>%1 Geräte aktualisiert, %2 fehlgeschlagen oder Zeit überschritten</translation>
    </message>
    <message>
        <source>There is no such rollout.</source>
        <translation>Diesen Rollout gibt es nicht.</translation>
    </message>
    <message>
        <source>Only a running rollout can be paused.</source>
        <translation>Nur ein laufender Rollout kann angehalten werden.</translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation>Angehalten von %1</translation>
    </message>
    <message>
        <source>Only a paused rollout can be resumed.</source>
        <translation>Nur ein angehaltener Rollout kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Rollout resumed</source>
        <translation>Rollout fortgesetzt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>The failures of wave %1 were accepted</source>
        <translation>Die Fehler von Welle %1 wurden akzeptiert</translation>
    </message>
    <message>
        <source>Only a running or paused rollout can start its next wave.</source>
        <translation>Nur ein laufender oder angehaltener Rollout kann seine nächste Welle starten.</translation>
    </message>
    <message>
        <source>The rollout is in its last wave.</source>
        <translation>Der Rollout ist in seiner letzten Welle.</translation>
    </message>
    <message>
        <source>The current wave is still being started; try again in a moment.</source>
        <translation>Die aktuelle Welle wird noch gestartet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Next wave started</source>
        <translation>Nächste Welle gestartet</translation>
    </message>
    <message>
        <source>Wave %1</source>
        <translation>Welle %1</translation>
    </message>
    <message>
        <source>Only a running or paused rollout can be aborted.</source>
        <translation>Nur ein laufender oder angehaltener Rollout kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>Aborted by %1</source>
        <translation>Abgebrochen von %1</translation>
    </message>
    <message>
        <source>Rollout aborted</source>
        <translation>Rollout abgebrochen</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The rollout is already rolled back.</source>
        <translation>Der Rollout ist bereits zurückgerollt.</translation>
    </message>
    <message>
        <source>Rolled back by %1</source>
        <translation>Zurückgerollt von %1</translation>
    </message>
    <message>
        <source>Rollback started</source>
        <translation>Zurückrollen gestartet</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Wird zurückgerollt</translation>
    </message>
    <message>
        <source>A running, paused or rolling back rollout cannot be removed.</source>
        <translation>Ein laufender, angehaltener oder gerade zurückrollender Rollout kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The rollout is still finishing a step; try again in a moment.</source>
        <translation>Der Rollout schließt noch einen Schritt ab; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The rollout still has work to finish in the cloud (its final release or cancellations); try again once it is done.</source>
        <translation>Der Rollout muss in der Cloud noch Arbeit abschließen (seine abschließende Freigabe oder Stornierungen); versuchen Sie es erneut, sobald sie erledigt ist.</translation>
    </message>
    <message>
        <source>The rollout still has work to finish in the cloud, which keeps failing: %1</source>
        <translation>Der Rollout muss in der Cloud noch Arbeit abschließen, die immer wieder fehlschlägt: %1</translation>
    </message>
    <message>
        <source>The request could not be written to the cache: %1</source>
        <translation>Die Anfrage konnte nicht in den Cache geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Flotilla does not know the rollout control “%1”.</source>
        <translation>Flotilla kennt die Rollout-Steuerung „%1“ nicht.</translation>
    </message>
    <message>
        <source>The rollout&apos;s settings cannot be read: %1</source>
        <translation>Die Einstellungen des Rollouts können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The answer to the request cannot be read: %1</source>
        <translation>Die Antwort auf die Anfrage kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) return to their previous version</source>
        <translation>
            <numerusform>%Ln Gerät kehrt zu seiner vorherigen Version zurück</numerusform>
            <numerusform>%Ln Geräte kehren zu ihrer vorherigen Version zurück</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Session</name>
    <message>
        <source>The cloud&apos;s answer has no access token.</source>
        <translation>Die Antwort der Cloud enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>Another Flotilla program on this computer has the cache open.</source>
        <translation>Ein anderes Flotilla-Programm auf diesem Computer hat den Cache geöffnet.</translation>
    </message>
    <message>
        <source>Another Flotilla program on this computer (%1) has the cache open.</source>
        <translation>Ein anderes Flotilla-Programm auf diesem Computer (%1) hat den Cache geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot be deleted.</source>
        <translation>%1 kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The cache folder “%1” is not a full path.</source>
        <translation>Der Cache-Ordner „%1“ ist kein vollständiger Pfad.</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation>„%1“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Flotilla cannot write to the folder “%1”.</source>
        <translation>Flotilla kann nicht in den Ordner „%1“ schreiben.</translation>
    </message>
    <message>
        <source>The language “%1” is not one Flotilla offers.</source>
        <translation>Die Sprache „%1“ wird von Flotilla nicht angeboten.</translation>
    </message>
    <message>
        <source>The success threshold is a percentage from %1 to %2 (not %3).</source>
        <translation>Die Erfolgsschwelle ist ein Prozentsatz von %1 bis %2 (nicht %3).</translation>
    </message>
    <message>
        <source>The failure threshold is a percentage from 0 to %1 (not %2).</source>
        <translation>Die Fehlerschwelle ist ein Prozentsatz von 0 bis %1 (nicht %2).</translation>
    </message>
    <message>
        <source>The device timeout is from %1 to %2 hours (not %3).</source>
        <translation>Das Geräte-Zeitlimit beträgt %1 bis %2 Stunden (nicht %3).</translation>
    </message>
    <message>
        <source>The share of the request budget is from %1% to 100% (not %2%).</source>
        <translation>Der Anteil am Anfragebudget beträgt %1% bis 100% (nicht %2%).</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Proxys ein.</translation>
    </message>
    <message>
        <source>“%1” is not a host name or address (write it without http:// and without the port).</source>
        <translation>„%1“ ist kein Hostname und keine Adresse (ohne http:// und ohne Port angeben).</translation>
    </message>
    <message>
        <source>The proxy&apos;s port is from 1 to 65535 (not %1).</source>
        <translation>Der Port des Proxys liegt zwischen 1 und 65535 (nicht %1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a profile name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation>&quot;%1&quot; ist kein Profilname: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; (höchstens 64).</translation>
    </message>
</context>
<context>
    <name>Flotilla::Store</name>
    <message>
        <source>Cannot open the cache %1: %2</source>
        <translation>Der Cache %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The cache could not be repaired: %1</source>
        <translation>Der Cache konnte nicht repariert werden: %1</translation>
    </message>
    <message>
        <source>The cache could not be repaired: %1%2</source>
        <translation>Der Cache konnte nicht repariert werden: %1%2</translation>
    </message>
    <message>
        <source>The cache could not be repaired: cannot rename %1 to %2</source>
        <translation>Der Cache konnte nicht repariert werden: %1 kann nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>The cache could not be set aside: %1</source>
        <translation>Der Cache konnte nicht beiseitegelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::Sync</name>
    <message>
        <source>Particle refuses token requests from this address for now (too many requests, or failed ones); claims to customer accounts wait until %1</source>
        <translation>Particle lehnt Token-Anfragen von dieser Adresse vorerst ab (zu viele oder fehlgeschlagene Anfragen); Beanspruchungen für Kundenkonten warten bis %1</translation>
    </message>
    <message>
        <source>The cloud refused the product&apos;s OAuth client; enter it again to claim devices to customer accounts</source>
        <translation>Die Cloud hat den OAuth-Client des Produkts abgelehnt; geben Sie ihn erneut ein, um Geräte für Kundenkonten zu beanspruchen</translation>
    </message>
    <message>
        <source>Claiming devices to a customer account needs the product&apos;s OAuth client; none is configured</source>
        <translation>Das Beanspruchen von Geräten für ein Kundenkonto erfordert den OAuth-Client des Produkts; es ist keiner konfiguriert</translation>
    </message>
    <message>
        <source>The import cannot be read (%1): nothing was imported</source>
        <translation>Der Import kann nicht gelesen werden (%1): Es wurde nichts importiert</translation>
    </message>
    <message>
        <source>unknown to Particle</source>
        <translation>Particle unbekannt</translation>
    </message>
    <message>
        <source>owned outside the product&apos;s team</source>
        <translation>gehört jemandem außerhalb des Teams des Produkts</translation>
    </message>
    <message>
        <source>protected device</source>
        <translation>geschütztes Gerät</translation>
    </message>
    <message>
        <source>another row of the import names the same device with another place, name or notes</source>
        <translation>eine andere Zeile des Imports nennt dasselbe Gerät mit anderem Ort, Namen oder anderen Notizen</translation>
    </message>
    <message>
        <source>its customer or group is not in the tree any more</source>
        <translation>sein Kunde bzw. seine Gruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>No device imported into the product</source>
        <translation>Kein Gerät in das Produkt importiert</translation>
    </message>
    <message>
        <source>their customer or group is gone</source>
        <translation>ihr Kunde bzw. ihre Gruppe existiert nicht mehr</translation>
    </message>
    <message>
        <source>rows naming one device differently</source>
        <translation>Zeilen, die ein Gerät unterschiedlich angeben</translation>
    </message>
    <message>
        <source>not placed, %1</source>
        <translation>nicht einsortiert, %1</translation>
    </message>
    <message>
        <source>Cannot write the local cache: %1</source>
        <translation>Der lokale Cache kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Unknown device %1</source>
        <translation>Unbekanntes Gerät %1</translation>
    </message>
    <message>
        <source>it is not an import</source>
        <translation>es ist kein Import</translation>
    </message>
    <message>
        <source>it has no list of devices</source>
        <translation>es hat keine Geräteliste</translation>
    </message>
    <message>
        <source>its list of devices is empty</source>
        <translation>seine Geräteliste ist leer</translation>
    </message>
    <message>
        <source>device %1 of its list is not a device</source>
        <translation>Gerät %1 seiner Liste ist kein Gerät</translation>
    </message>
    <message>
        <source>device %1 of its list has an unknown field</source>
        <translation>Gerät %1 seiner Liste hat ein unbekanntes Feld</translation>
    </message>
    <message>
        <source>device %1 of its list has no identifier</source>
        <translation>Gerät %1 seiner Liste hat keine Kennung</translation>
    </message>
    <message>
        <source>device %1 of its list has a destination that cannot be read</source>
        <translation>Gerät %1 seiner Liste hat ein Ziel, das nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>device %1 of its list has a name or notes that are not text</source>
        <translation>Gerät %1 seiner Liste hat einen Namen oder Notizen, die kein Text sind</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>The devices could not be read</source>
        <translation>Die Geräte konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>changing %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>renaming %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>importing devices</source>
        <translation>Geräte importieren</translation>
    </message>
    <message>
        <source>Unknown kind of change &apos;%1&apos;</source>
        <translation>Unbekannte Art von Änderung &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Version %1 could not be released again to %2 after its rename: %3</source>
        <translation>Version %1 konnte nach der Umbenennung nicht erneut für %2 freigegeben werden: %3</translation>
    </message>
    <message>
        <source>Particle kept only %1 of the %2 characters of a node&apos;s description: its title now reads “%3”. Give it a shorter title.</source>
        <translation>Particle hat nur %1 der %2 Zeichen der Beschreibung eines Knotens behalten: Sein Titel lautet jetzt „%3“. Geben Sie ihm einen kürzeren Titel.</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(unlesbar)</translation>
    </message>
    <message>
        <source>the group “%1”</source>
        <translation>Gruppe „%1“</translation>
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation>Der lokale Cache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The local cache is still damaged after it was rebuilt: %1</source>
        <translation>Der lokale Cache ist auch nach dem Neuaufbau noch beschädigt: %1</translation>
    </message>
    <message>
        <source>The local cache is damaged, and changes not yet sent cannot be read from it</source>
        <translation>Der lokale Cache ist beschädigt, und noch nicht gesendete Änderungen können nicht aus ihm gelesen werden</translation>
    </message>
    <message>
        <source>The local cache is being repaired</source>
        <translation>Der lokale Cache wird repariert</translation>
    </message>
    <message>
        <source>The fleet is still loading</source>
        <translation>Die Flotte wird noch geladen</translation>
    </message>
    <message>
        <source>The customer or group to move to is not in the tree any more</source>
        <translation>Der Zielkunde bzw. die Zielgruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>%1 exists already</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <source>This customer or group is not in the tree any more</source>
        <translation>Dieser Kunde bzw. diese Gruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>The cache did not keep every change</source>
        <translation>Der Cache hat nicht jede Änderung behalten</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>Die Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln devices into the product</source>
        <translation>
            <numerusform>%Ln Gerät in das Produkt importiert</numerusform>
            <numerusform>%Ln Geräte in das Produkt importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in it</source>
        <translation>
            <numerusform>%Ln bereits enthalten</numerusform>
            <numerusform>%Ln bereits enthalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused (%1)</source>
        <translation>
            <numerusform>%Ln abgelehnt (%1)</numerusform>
            <numerusform>%Ln abgelehnt (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not found after the import</source>
        <translation>
            <numerusform>%Ln nach dem Import nicht gefunden</numerusform>
            <numerusform>%Ln nach dem Import nicht gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not placed (%1)</source>
        <translation>
            <numerusform>%Ln nicht einsortiert (%1)</numerusform>
            <numerusform>%Ln nicht einsortiert (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>und %Ln weiteres</numerusform>
            <numerusform>und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>claiming %Ln devices to their customer</source>
        <translation>
            <numerusform>%Ln Gerät für seinen Kunden beanspruchen</numerusform>
            <numerusform>%Ln Geräte für ihren Kunden beanspruchen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>releasing %Ln devices from their customer</source>
        <translation>
            <numerusform>%Ln Gerät von seinem Kunden lösen</numerusform>
            <numerusform>%Ln Geräte von ihrem Kunden lösen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changing the names or notes of %Ln devices</source>
        <translation>
            <numerusform>Namen oder Notizen von %Ln Gerät ändern</numerusform>
            <numerusform>Namen oder Notizen von %Ln Geräten ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>importing %Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät importieren</numerusform>
            <numerusform>%Ln Geräte importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moving %Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät verschieben</numerusform>
            <numerusform>%Ln Geräte verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices to %1</source>
        <translation>
            <numerusform>%Ln Gerät nach %1</numerusform>
            <numerusform>%Ln Geräte nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation>
            <numerusform>%Ln Ort</numerusform>
            <numerusform>%Ln Orte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree</name>
    <message>
        <source>Nothing to move</source>
        <translation>Nichts zu verschieben</translation>
    </message>
    <message>
        <source>Customers are top-level nodes and cannot be moved under anything; rename a customer instead</source>
        <translation>Kunden sind Knoten der obersten Ebene und können nirgendwohin verschoben werden; benennen Sie stattdessen einen Kunden um</translation>
    </message>
    <message>
        <source>The pools Unassigned, Returns and Needs repair cannot be moved; drag their devices instead</source>
        <translation>Die Pools „Nicht zugeordnet“, „Rücksendungen“ und „Reparatur nötig“ können nicht verschoben werden; ziehen Sie stattdessen ihre Geräte</translation>
    </message>
    <message>
        <source>Devices and groups cannot be moved together; drag the devices and the groups separately</source>
        <translation>Geräte und Gruppen können nicht zusammen verschoben werden; ziehen Sie die Geräte und die Gruppen getrennt</translation>
    </message>
    <message>
        <source>Only one group can be moved at a time</source>
        <translation>Es kann jeweils nur eine Gruppe verschoben werden</translation>
    </message>
    <message>
        <source>A device cannot hold devices or groups; drop onto a customer, a group or a pool</source>
        <translation>Ein Gerät kann keine Geräte oder Gruppen enthalten; legen Sie auf einem Kunden, einer Gruppe oder einem Pool ab</translation>
    </message>
    <message>
        <source>Devices are in Needs repair because their groups contradict the tree, not by a move; drop them onto a node or a pool to repair them</source>
        <translation>Die Geräte sind in „Reparatur nötig“, weil ihre Gruppen dem Baum widersprechen, nicht durch eine Verschiebung; legen Sie sie auf einem Knoten oder einem Pool ab, um sie zu reparieren</translation>
    </message>
    <message>
        <source>A group cannot be moved into a pool; move its devices instead</source>
        <translation>Eine Gruppe kann nicht in einen Pool verschoben werden; verschieben Sie stattdessen ihre Geräte</translation>
    </message>
    <message>
        <source>That customer or group is not in the tree any more</source>
        <translation>Dieser Kunde bzw. diese Gruppe ist nicht mehr im Baum</translation>
    </message>
    <message>
        <source>Devices cannot be dropped here</source>
        <translation>Geräte können hier nicht abgelegt werden</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation>ICCID</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Firmware running</source>
        <translation>Laufende Firmware</translation>
    </message>
    <message>
        <source>Firmware targeted</source>
        <translation>Ziel-Firmware</translation>
    </message>
    <message>
        <source>Locked to firmware</source>
        <translation>Auf Firmware festgelegt</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Last heard (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Noch nicht gesendete Änderungen</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>Plattform %1</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written</source>
        <translation>Der Export wurde abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>none ×%1</source>
        <translation>keine ×%1</translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation>v%1 ×%2</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>→ v%1</source>
        <translation>→ v%1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>%1 (customer account %2)</source>
        <translation>%1 (Kundenkonto %2)</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Off target</source>
        <translation>Nicht auf Ziel</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Only devices and groups of the fleet tree can be dropped here</source>
        <translation>Hier können nur Geräte und Gruppen aus dem Flottenbaum abgelegt werden</translation>
    </message>
    <message>
        <source>The dragged items cannot be read</source>
        <translation>Die gezogenen Elemente können nicht gelesen werden</translation>
    </message>
    <message>
        <source>The dragged items belong to another product</source>
        <translation>Die gezogenen Elemente gehören zu einem anderen Produkt</translation>
    </message>
    <message>
        <source>Drop onto a customer, a group or a pool</source>
        <translation>Legen Sie auf einem Kunden, einer Gruppe oder einem Pool ab</translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) unknown: %1; the columns are %2</source>
        <translation>
            <numerusform>%Ln Spalte unbekannt: %1; die Spalten sind %2</numerusform>
            <numerusform>%Ln Spalten unbekannt: %1; die Spalten sind %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::ActivityModel</name>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Device names or notes</source>
        <translation>Gerätenamen oder Notizen</translation>
    </message>
    <message>
        <source>New customer or group</source>
        <translation>Neuer Kunde oder neue Gruppe</translation>
    </message>
    <message>
        <source>Customer or group changed</source>
        <translation>Kunde oder Gruppe geändert</translation>
    </message>
    <message>
        <source>Customer or group deleted</source>
        <translation>Kunde oder Gruppe gelöscht</translation>
    </message>
    <message>
        <source>Customer or group moved</source>
        <translation>Kunde oder Gruppe verschoben</translation>
    </message>
    <message>
        <source>Groups restored</source>
        <translation>Gruppen wiederhergestellt</translation>
    </message>
    <message>
        <source>Batch of changes</source>
        <translation>Mehrere Änderungen</translation>
    </message>
    <message>
        <source>Import into the product</source>
        <translation>Import in das Produkt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>Von → Nach</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::DeviceFilter</name>
    <message>
        <source>“%1” is not a status: use online, offline, pending, locked, dev or off-target.</source>
        <translation>„%1“ ist kein Status: Verwenden Sie online, offline, pending, locked, dev oder off-target.</translation>
    </message>
    <message>
        <source>“%1” is not a firmware version: use a number, as in fw:5, or fw:none.</source>
        <translation>„%1“ ist keine Firmware-Version: Verwenden Sie eine Zahl, wie in fw:5, oder fw:none.</translation>
    </message>
    <message>
        <source>“%1” is not a firmware version: use a number, as in target:5, or target:none.</source>
        <translation>„%1“ ist keine Firmware-Version: Verwenden Sie eine Zahl, wie in target:5, oder target:none.</translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::DeviceTableModel</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln devices</source>
        <translation>
            <numerusform>%L1 von %Ln Gerät</numerusform>
            <numerusform>%L1 von %Ln Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennr.</translation>
    </message>
    <message>
        <source>Customer › node</source>
        <translation>Kunde › Knoten</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutDevicesModel</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Fehlversuche</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutListModel</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message>
        <source>wave %1</source>
        <translation>Welle %1</translation>
    </message>
    <message>
        <source>waves %1 and %2</source>
        <translation>Wellen %1 und %2</translation>
    </message>
    <message>
        <source>another console&apos;s rollout, %1</source>
        <translation>Rollout einer anderen Konsole, %1</translation>
    </message>
    <message>
        <source>rollout “%1”, %2</source>
        <translation>Rollout „%1“, %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1/%2 (%3%)</source>
        <translation>%1/%2 (%3%)</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 und %Ln weiterer</numerusform>
            <numerusform>%1 und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Tree::RolloutWavesModel</name>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Success at</source>
        <translation>Erfolg bei</translation>
    </message>
    <message>
        <source>Pause at failures</source>
        <translation>Anhalten bei Fehlern</translation>
    </message>
    <message>
        <source>Pause before</source>
        <translation>Anhalten vor</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ActivityWindow</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>Search: who, what, customer or group, result, reason</source>
        <translation>Suche: wer, was, Kunde oder Gruppe, Ergebnis, Grund</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the lines shown to a CSV file</source>
        <translation>Die angezeigten Zeilen in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Reading the activity log…</source>
        <translation>Aktivitätsprotokoll wird gelesen…</translation>
    </message>
    <message>
        <source>activity-%1.csv</source>
        <translation>aktivitaet-%1.csv</translation>
    </message>
    <message>
        <source>Export the activity to</source>
        <translation>Aktivität exportieren nach</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The activity could not be exported: %1</source>
        <translation>Die Aktivität konnte nicht exportiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln line(s)</source>
        <translation>
            <numerusform>%1 von %Ln Zeile</numerusform>
            <numerusform>%1 von %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) written to %1</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 geschrieben</numerusform>
            <numerusform>%Ln Zeilen nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::CacheProblems</name>
    <message>
        <source>Flotilla&apos;s local copy of the fleet is damaged, and the changes made here and not yet sent cannot all be read from it.</source>
        <translation>Die lokale Kopie der Flotte in Flotilla ist beschädigt, und die hier vorgenommenen, noch nicht gesendeten Änderungen können nicht alle daraus gelesen werden.</translation>
    </message>
    <message>
        <source>They were made by:</source>
        <translation>Vorgenommen wurden sie von:</translation>
    </message>
    <message>
        <source>The local cache is damaged</source>
        <translation>Der lokale Cache ist beschädigt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Repair&lt;/b&gt; rebuilds the local copy from everything that can still be read: the changes not yet sent that can be read are kept and sent, and the fleet is read again from the cloud. The damaged file is kept under another name.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quit&lt;/b&gt; leaves the file as it is. Until you choose, nothing is loaded, sent or changed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Reparieren&lt;/b&gt; baut die lokale Kopie aus allem neu auf, was sich noch lesen lässt: Die lesbaren, noch nicht gesendeten Änderungen bleiben erhalten und werden gesendet, und die Flotte wird erneut aus der Cloud gelesen. Die beschädigte Datei wird unter einem anderen Namen aufbewahrt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Beenden&lt;/b&gt; lässt die Datei, wie sie ist. Bis Sie sich entscheiden, wird nichts geladen, gesendet oder geändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Parts of the fleet (groups, firmware, customers) could not be read; they are read again from the cloud.</source>
        <translation>Teile der Flotte (Gruppen, Firmware, Kunden) konnten nicht gelesen werden; sie werden erneut aus der Cloud gelesen.</translation>
    </message>
    <message>
        <source>Changes made here and not yet sent may have been lost: how many cannot be told.</source>
        <translation>Hier vorgenommene, noch nicht gesendete Änderungen sind möglicherweise verloren gegangen: Wie viele, lässt sich nicht feststellen.</translation>
    </message>
    <message>
        <source>No change made here was lost.</source>
        <translation>Keine hier vorgenommene Änderung ist verloren gegangen.</translation>
    </message>
    <message>
        <source>Parts of the rollouts could not be read; check the Rollouts window.</source>
        <translation>Teile der Rollouts konnten nicht gelesen werden; prüfen Sie das Fenster Rollouts.</translation>
    </message>
    <message>
        <source>Flotilla&apos;s local copy of the fleet was damaged, and it has been rebuilt from what could be read.</source>
        <translation>Die lokale Kopie der Flotte in Flotilla war beschädigt und wurde aus dem Lesbaren neu aufgebaut.</translation>
    </message>
    <message>
        <source>The local cache was repaired</source>
        <translation>Der lokale Cache wurde repariert</translation>
    </message>
    <message>
        <source>The damaged file is kept as %1.</source>
        <translation>Die beschädigte Datei wird als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The rollouts could not be read</source>
        <translation>Die Rollouts konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>The rollouts kept in the local cache could not be read: %1</source>
        <translation>Die im lokalen Cache gespeicherten Rollouts konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Rollouts that were running are not followed in this session: devices already told to update still update in the cloud, but no new wave starts and no threshold is checked. The fleet itself and the changes not yet sent are not affected.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Laufende Rollouts werden in dieser Sitzung nicht verfolgt: Geräte, die bereits zum Update aufgefordert wurden, werden in der Cloud weiterhin aktualisiert, aber es startet keine neue Welle und keine Schwelle wird geprüft. Die Flotte selbst und die noch nicht gesendeten Änderungen sind nicht betroffen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The local cache cannot be read</source>
        <translation>Der lokale Cache kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>&lt;p&gt;Changes made here and not yet sent may be in it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Set aside and start afresh&lt;/b&gt; keeps the file under another name and starts a new local copy, read from the cloud; changes in the old file are not sent.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quit&lt;/b&gt; leaves it as it is, for example to restore it from a backup.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Er kann hier vorgenommene, noch nicht gesendete Änderungen enthalten.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Beiseitelegen und neu beginnen&lt;/b&gt; bewahrt die Datei unter einem anderen Namen auf und beginnt eine neue lokale Kopie, die aus der Cloud gelesen wird; Änderungen in der alten Datei werden nicht gesendet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Beenden&lt;/b&gt; lässt sie, wie sie ist, etwa um sie aus einer Sicherung wiederherzustellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Set aside and start afresh</source>
        <translation>Beiseitelegen und neu beginnen</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>und %Ln weitere</numerusform>
            <numerusform>und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flotilla&apos;s local copy of the fleet is damaged: %Ln changes made here and not yet sent cannot be read from it.</source>
        <translation>
            <numerusform>Die lokale Kopie der Flotte in Flotilla ist beschädigt: %Ln hier vorgenommene, noch nicht gesendete Änderung kann nicht daraus gelesen werden.</numerusform>
            <numerusform>Die lokale Kopie der Flotte in Flotilla ist beschädigt: %Ln hier vorgenommene, noch nicht gesendete Änderungen können nicht daraus gelesen werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device records could not be read; the devices are read again from the cloud.</source>
        <translation>
            <numerusform>%Ln Gerätedatensatz konnte nicht gelesen werden; das Gerät wird erneut aus der Cloud gelesen.</numerusform>
            <numerusform>%Ln Gerätedatensätze konnten nicht gelesen werden; die Geräte werden erneut aus der Cloud gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent could not be read and are lost.</source>
        <translation>
            <numerusform>%Ln hier vorgenommene, noch nicht gesendete Änderung konnte nicht gelesen werden und ist verloren.</numerusform>
            <numerusform>%Ln hier vorgenommene, noch nicht gesendete Änderungen konnten nicht gelesen werden und sind verloren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines of the activity log could not be read.</source>
        <translation>
            <numerusform>%Ln Zeile des Aktivitätsprotokolls konnte nicht gelesen werden.</numerusform>
            <numerusform>%Ln Zeilen des Aktivitätsprotokolls konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes made here and not yet sent are kept and will be sent.</source>
        <translation>
            <numerusform>%Ln hier vorgenommene, noch nicht gesendete Änderung bleibt erhalten und wird gesendet.</numerusform>
            <numerusform>%Ln hier vorgenommene, noch nicht gesendete Änderungen bleiben erhalten und werden gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::DetailPane</name>
    <message>
        <source>Select a device in the table, or a customer, group or pool in the tree, to see its details here.</source>
        <translation>Wählen Sie ein Gerät in der Tabelle oder einen Kunden, eine Gruppe oder einen Pool im Baum aus, um hier die Details zu sehen.</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation>ICCID</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Also in</source>
        <translation>Auch in</translation>
    </message>
    <message>
        <source>Firmware running</source>
        <translation>Laufende Firmware</translation>
    </message>
    <message>
        <source>Locked to</source>
        <translation>Festgelegt auf</translation>
    </message>
    <message>
        <source>Targeted</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Device OS</source>
        <translation>Device OS</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Local changes</source>
        <translation>Lokale Änderungen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Particle group</source>
        <translation>Particle-Gruppe</translation>
    </message>
    <message>
        <source>Customer account</source>
        <translation>Kundenkonto</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Firmware present</source>
        <translation>Vorhandene Firmware</translation>
    </message>
    <message>
        <source>Not on target</source>
        <translation>Nicht auf Ziel</translation>
    </message>
    <message>
        <source>Release to this group</source>
        <translation>Freigabe an diese Gruppe</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Needs repair</source>
        <translation>Reparatur nötig</translation>
    </message>
    <message>
        <source>unclaimed</source>
        <translation>nicht beansprucht</translation>
    </message>
    <message>
        <source>no other groups</source>
        <translation>keine anderen Gruppen</translation>
    </message>
    <message>
        <source>no product firmware</source>
        <translation>keine Produkt-Firmware</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>none (never updated automatically)</source>
        <translation>keine (nie automatisch aktualisiert)</translation>
    </message>
    <message>
        <source>%1 (update pending)</source>
        <translation>%1 (Update ausstehend)</translation>
    </message>
    <message>
        <source>yes (never auto-updated)</source>
        <translation>ja (nie automatisch aktualisiert)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not yet confirmed by the cloud</source>
        <translation>von der Cloud noch nicht bestätigt</translation>
    </message>
    <message>
        <source>none (in step with the cloud)</source>
        <translation>keine (im Einklang mit der Cloud)</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>nicht verknüpft</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rollout waves</source>
        <translation>
            <numerusform>%Ln Rollout-Welle</numerusform>
            <numerusform>%Ln Rollout-Wellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::EditController</name>
    <message>
        <source>Select the devices whose notes to edit.</source>
        <translation>Wählen Sie die Geräte aus, deren Notizen Sie bearbeiten möchten.</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>Zeile %1 (%2): %3</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The other rows were imported. Correct these rows in the file and import it again:</source>
        <translation>Die übrigen Zeilen wurden importiert. Korrigieren Sie diese Zeilen in der Datei und importieren Sie sie erneut:</translation>
    </message>
    <message>
        <source>Move %1 with everything under it to %2?</source>
        <translation>%1 mit allem darunter nach %2 verschieben?</translation>
    </message>
    <message>
        <source>Select devices (or a group) to move first.</source>
        <translation>Wählen Sie zuerst die zu verschiebenden Geräte (oder eine Gruppe) aus.</translation>
    </message>
    <message>
        <source>Move %1 with everything under it to:</source>
        <translation>%1 mit allem darunter verschieben nach:</translation>
    </message>
    <message>
        <source>Creating the customer account %1…</source>
        <translation>Kundenkonto %1 wird erstellt…</translation>
    </message>
    <message>
        <source>Select the customer or group to create the group under.</source>
        <translation>Wählen Sie den Kunden oder die Gruppe aus, unter dem bzw. der die Gruppe erstellt werden soll.</translation>
    </message>
    <message>
        <source>Delete %1? It has no devices.</source>
        <translation>%1 löschen? Darin sind keine Geräte.</translation>
    </message>
    <message numerus="yes">
        <source>They are released from the customer account %1.</source>
        <translation>
            <numerusform>Es wird vom Kundenkonto %1 gelöst.</numerusform>
            <numerusform>Sie werden vom Kundenkonto %1 gelöst.</numerusform>
        </translation>
    </message>
    <message>
        <source>The firmware released to %1 is not restored by Undo.</source>
        <translation>Die an %1 freigegebene Firmware wird durch Rückgängig nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Kunden löschen</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with errors were left out.</source>
        <translation>
            <numerusform>%Ln fehlerhafte Zeile wurde ausgelassen.</numerusform>
            <numerusform>%Ln fehlerhafte Zeilen wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Particle did not take %Ln devices of the import.</source>
        <translation>
            <numerusform>Particle hat %Ln Gerät des Imports nicht übernommen.</numerusform>
            <numerusform>Particle hat %Ln Geräte des Imports nicht übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to %1?</source>
        <translation>
            <numerusform>%Ln Gerät nach %1 verschieben?</numerusform>
            <numerusform>%Ln Geräte nach %1 verschieben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln devices to:</source>
        <translation>
            <numerusform>%Ln Gerät verschieben nach:</numerusform>
            <numerusform>%Ln Geräte verschieben nach:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1? Its %Ln devices go to Unassigned.</source>
        <translation>
            <numerusform>%1 löschen? Das %Ln Gerät darin wird nach „Nicht zugeordnet“ verschoben.</numerusform>
            <numerusform>%1 löschen? Die %Ln Geräte darin werden nach „Nicht zugeordnet“ verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Particle groups are deleted.</source>
        <translation>
            <numerusform>%Ln Particle-Gruppe wird gelöscht.</numerusform>
            <numerusform>%Ln Particle-Gruppen werden gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ExportDialog</name>
    <message>
        <source>devices</source>
        <translation>geraete</translation>
    </message>
    <message>
        <source>Export devices</source>
        <translation>Geräte exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The selected customer or group (none selected)</source>
        <translation>Der ausgewählte Kunde bzw. die ausgewählte Gruppe (keine Auswahl)</translation>
    </message>
    <message>
        <source>The devices the filter shows (no filter)</source>
        <translation>Die vom Filter angezeigten Geräte (kein Filter)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-Arbeitsmappe (.xlsx)</translation>
    </message>
    <message>
        <source>CSV text (.csv)</source>
        <translation>CSV-Text (.csv)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; ), as Excel reads it where decimals are written with a comma</source>
        <translation>Semikolon ( ; ), wie Excel es liest, wo Dezimalzahlen mit Komma geschrieben werden</translation>
    </message>
    <message>
        <source>CSV &amp;separator:</source>
        <translation>CSV-&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>Columns (drag to reorder)</source>
        <translation>Spalten (zum Umordnen ziehen)</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation>Standard&amp;werte</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Selected devices</source>
        <translation>Ausgewählte Geräte</translation>
    </message>
    <message>
        <source>Devices %1</source>
        <translation>Geräte %1</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>There is no fleet to export</source>
        <translation>Es gibt keine Flotte zum Exportieren</translation>
    </message>
    <message>
        <source>Choose which devices to export</source>
        <translation>Wählen Sie aus, welche Geräte exportiert werden sollen</translation>
    </message>
    <message>
        <source>Check at least one column</source>
        <translation>Wählen Sie mindestens eine Spalte aus</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>Wählen Sie die zu schreibende Datei aus</translation>
    </message>
    <message>
        <source>%1 is a folder: name the file to write</source>
        <translation>%1 ist ein Ordner: Geben Sie einen Namen für die zu schreibende Datei an</translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation>Der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the export?</source>
        <translation>%1 ist bereits vorhanden. Durch den Export ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>%1 of %2 devices</source>
        <translation>%1 von %2 Geräten</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>“%1” (%Ln devices)</source>
        <translation>
            <numerusform>„%1“ (%Ln Gerät)</numerusform>
            <numerusform>„%1“ (%Ln Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected devices</source>
        <translation>
            <numerusform>Das %Ln ausgewählte Gerät</numerusform>
            <numerusform>Die %Ln ausgewählten Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln devices the filter “%1” shows</source>
        <translation>
            <numerusform>Das %Ln vom Filter „%1“ angezeigte Gerät</numerusform>
            <numerusform>Die %Ln vom Filter „%1“ angezeigten Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole fleet (%Ln devices)</source>
        <translation>
            <numerusform>Die gesamte Flotte (%Ln Gerät)</numerusform>
            <numerusform>Die gesamte Flotte (%Ln Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln devices to %1</source>
        <translation>
            <numerusform>%Ln Gerät nach %1 exportiert</numerusform>
            <numerusform>%Ln Geräte nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::FlashDialog</name>
    <message>
        <source>none ×%1</source>
        <translation>keine ×%1</translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation>v%1 ×%2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Released to</source>
        <translation>Freigegeben für</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Upload new…</source>
        <translation>Neue hochladen…</translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation>Firmware-Version</translation>
    </message>
    <message>
        <source>&amp;Lock and flash now</source>
        <translation>&amp;Festlegen und jetzt flashen</translation>
    </message>
    <message>
        <source>Each device is locked to the version and flashed now (online) or at its next handshake; replaces existing locks, can downgrade</source>
        <translation>Jedes Gerät wird auf die Version festgelegt und jetzt (online) oder beim nächsten Handshake geflasht; ersetzt bestehende Festlegungen, kann ein Downgrade ausführen</translation>
    </message>
    <message>
        <source>&amp;Release to the selected groups</source>
        <translation>&amp;An die ausgewählten Gruppen freigeben</translation>
    </message>
    <message>
        <source>The version is released to the selected customers&apos; and groups&apos; Particle groups; devices that join them later get it too</source>
        <translation>Die Version wird für die Particle-Gruppen der ausgewählten Kunden und Gruppen freigegeben; Geräte, die später hinzukommen, erhalten sie ebenfalls</translation>
    </message>
    <message>
        <source>Intelligent: push to online devices now</source>
        <translation>Intelligent: jetzt an Online-Geräte pushen</translation>
    </message>
    <message>
        <source>&amp;Staged rollout</source>
        <translation>&amp;Gestaffelter Rollout</translation>
    </message>
    <message>
        <source>Waves of devices, each released to through a rollout group; the next wave starts once enough of the previous one succeeded</source>
        <translation>Wellen von Geräten, jeweils über eine Rollout-Gruppe freigegeben; die nächste Welle startet, sobald genug Geräte der vorherigen erfolgreich waren</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>A device that has not updated this long after it was targeted counts as timed out (offline devices wait until then)</source>
        <translation>Ein Gerät, das sich so lange nach der Zielzuweisung nicht aktualisiert hat, gilt als „Zeit überschritten“ (Offline-Geräte warten bis dahin)</translation>
    </message>
    <message>
        <source>Device &amp;timeout:</source>
        <translation>Geräte-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>Wellen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a percentage wave after the selected one</source>
        <translation>Eine Prozent-Welle nach der ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Add groups…</source>
        <translation>Gruppen hinzufügen…</translation>
    </message>
    <message>
        <source>Add a wave of the selection&apos;s devices at or under a group (a test group)</source>
        <translation>Eine Welle aus den Geräten der Auswahl hinzufügen, die in oder unter einer Gruppe liegen (eine Testgruppe)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <source>Release to the selected groups when done</source>
        <translation>Nach Abschluss an die ausgewählten Gruppen freigeben</translation>
    </message>
    <message>
        <source>Percentage waves pick devices:</source>
        <translation>Prozent-Wellen wählen Geräte:</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Only individual devices are selected: a release goes to groups.</source>
        <translation>Es sind nur einzelne Geräte ausgewählt: Eine Freigabe gilt für Gruppen.</translation>
    </message>
    <message>
        <source>Flash %1</source>
        <translation>%1 flashen</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <source>product default</source>
        <translation>Produktstandard</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>0 devices</source>
        <translation>0 Geräte</translation>
    </message>
    <message>
        <source>A wave of the devices at or under:</source>
        <translation>Eine Welle aus den Geräten in oder unter:</translation>
    </message>
    <message>
        <source>v%1 to %2</source>
        <translation>v%1 für %2</translation>
    </message>
    <message>
        <source>Choose a version.</source>
        <translation>Wählen Sie eine Version aus.</translation>
    </message>
    <message>
        <source>Devices selected: %1</source>
        <translation>Ausgewählte Geräte: %1</translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2</source>
        <translation>Auf v%1 zu flashen: %2</translation>
    </message>
    <message>
        <source>To be flashed to v%1: %2 (now running %3)</source>
        <translation>Auf v%1 zu flashen: %2 (derzeit läuft %3)</translation>
    </message>
    <message>
        <source>Offline now: %1 (they update when they come back)</source>
        <translation>Derzeit offline: %1 (sie aktualisieren sich, sobald sie wieder online sind)</translation>
    </message>
    <message>
        <source>Development devices, skipped: %1</source>
        <translation>Entwicklungsgeräte, übersprungen: %1</translation>
    </message>
    <message>
        <source>Locked to another version, lock replaced: %1</source>
        <translation>Auf eine andere Version festgelegt, Festlegung ersetzt: %1</translation>
    </message>
    <message>
        <source>Locked, skipped (their lock wins): %1</source>
        <translation>Festgelegt, übersprungen (ihre Festlegung hat Vorrang): %1</translation>
    </message>
    <message>
        <source>Held by a higher release of another group, skipped: %1 (Lock and flash reaches them)</source>
        <translation>Durch eine höhere Freigabe einer anderen Gruppe gehalten, übersprungen: %1 (Festlegen und flashen erreicht sie)</translation>
    </message>
    <message>
        <source>Already running v%1, skipped: %2</source>
        <translation>Bereits auf v%1, übersprungen: %2</translation>
    </message>
    <message>
        <source>Still being updated by another rollout, skipped: %1</source>
        <translation>Werden noch von einem anderen Rollout aktualisiert, übersprungen: %1</translation>
    </message>
    <message>
        <source>Devices per wave: %1</source>
        <translation>Geräte pro Welle: %1</translation>
    </message>
    <message>
        <source>No device to flash: every selected device is skipped.</source>
        <translation>Kein Gerät zu flashen: Jedes ausgewählte Gerät wird übersprungen.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>Start rollout to %Ln devices</source>
        <translation>
            <numerusform>Rollout für %Ln Gerät starten</numerusform>
            <numerusform>Rollout für %Ln Geräte starten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Release to %Ln devices</source>
        <translation>
            <numerusform>Für %Ln Gerät freigeben</numerusform>
            <numerusform>Für %Ln Geräte freigeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flash %Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät flashen</numerusform>
            <numerusform>%Ln Geräte flashen</numerusform>
        </translation>
    </message>
    <message>
        <source>The rollout could not be started.</source>
        <translation>Der Rollout konnte nicht gestartet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln downgrades: devices run a newer version than v%1 and will be flashed back.</source>
        <translation>
            <numerusform>%Ln Downgrade: Ein Gerät hat eine neuere Version als v%1 und wird zurückgeflasht.</numerusform>
            <numerusform>%Ln Downgrades: Geräte haben eine neuere Version als v%1 und werden zurückgeflasht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::FleetTreeView</name>
    <message>
        <source>Move to %1</source>
        <translation>Nach %1 verschieben</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ImportDialog</name>
    <message>
        <source>sheet “%1”</source>
        <translation>Blatt „%1“</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>Tabulatoren</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>Semikolons</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>Kommas</translation>
    </message>
    <message>
        <source>%1, separated by %2</source>
        <translation>%1, getrennt durch %2</translation>
    </message>
    <message>
        <source>Import devices from %1</source>
        <translation>Geräte aus %1 importieren</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Blatt:</translation>
    </message>
    <message>
        <source>The first row holds the column &amp;names</source>
        <translation>Die erste Zeile enthält die Spalten&amp;namen</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Keep each device where it is</source>
        <translation>Jedes Gerät bleibt, wo es ist</translation>
    </message>
    <message>
        <source>Where the devices of a file without customer and group columns go: a customer or group by its titles (“Acme Logistics / Berlin depot”), or Unassigned or Returns</source>
        <translation>Wohin die Geräte einer Datei ohne Kunden- und Gruppenspalten kommen: ein Kunde oder eine Gruppe über die Titel („Acme Logistics / Depot Berlin“) oder „Nicht zugeordnet“ oder „Rücksendungen“</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Create customers and groups that do not exist yet</source>
        <translation>Noch nicht vorhandene Kunden und Gruppen &amp;erstellen</translation>
    </message>
    <message>
        <source>Preview: nothing is sent before you import</source>
        <translation>Vorschau: Vor dem Import wird nichts gesendet</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Rows that change something</source>
        <translation>Zeilen mit Änderungen</translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation>Zeilen mit Fehlern</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Anzei&amp;gen:</translation>
    </message>
    <message>
        <source>Import only the rows &amp;without errors</source>
        <translation>Nur die Zeilen &amp;ohne Fehler importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: split it into smaller lists.</source>
        <translation>%1 ist größer als %2 MB: Teilen Sie die Datei in kleinere Listen auf.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no rows to import.</source>
        <translation>%1 enthält keine Zeilen zum Importieren.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>%1 to import into the product</source>
        <translation>%1 in das Produkt zu importieren</translation>
    </message>
    <message>
        <source>%1 to move</source>
        <translation>%1 zu verschieben</translation>
    </message>
    <message>
        <source>%1 to rename</source>
        <translation>%1 umzubenennen</translation>
    </message>
    <message>
        <source>%1 with new notes</source>
        <translation>%1 mit neuen Notizen</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>%1 with errors</source>
        <translation>%1 mit Fehlern</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Nicht importierte Spalten: %1.</translation>
    </message>
    <message>
        <source>Correct the rows with errors in the file, or import only the rows without errors.</source>
        <translation>Korrigieren Sie die fehlerhaften Zeilen in der Datei, oder importieren Sie nur die Zeilen ohne Fehler.</translation>
    </message>
    <message>
        <source>Where do the devices of this file go?</source>
        <translation>Wohin kommen die Geräte dieser Datei?</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rücksendungen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln rows, %2</source>
        <translation>
            <numerusform>%1: %Ln Zeile, %2</numerusform>
            <numerusform>%1: %Ln Zeilen, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows: %1.</source>
        <translation>
            <numerusform>%Ln Zeile: %1.</numerusform>
            <numerusform>%Ln Zeilen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more</source>
        <translation>
            <numerusform>%Ln weiterer</numerusform>
            <numerusform>%Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new customers and groups: %1.</source>
        <translation>
            <numerusform>%Ln neuer Kunde oder neue Gruppe: %1.</numerusform>
            <numerusform>%Ln neue Kunden und Gruppen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be claimed to the customer account %1.</source>
        <translation>
            <numerusform>%Ln Gerät wird für das Kundenkonto %1 beansprucht.</numerusform>
            <numerusform>%Ln Geräte werden für das Kundenkonto %1 beansprucht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices will be released from their current owner.</source>
        <translation>
            <numerusform>%Ln Gerät wird von seinem aktuellen Eigentümer gelöst.</numerusform>
            <numerusform>%Ln Geräte werden von ihrem aktuellen Eigentümer gelöst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices get a new firmware target, and Particle will flash them (%1).</source>
        <translation>
            <numerusform>%Ln Gerät erhält ein neues Firmware-Ziel, und Particle wird es flashen (%1).</numerusform>
            <numerusform>%Ln Geräte erhalten ein neues Firmware-Ziel, und Particle wird sie flashen (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It takes about %Ln requests to the cloud.</source>
        <translation>
            <numerusform>Dafür ist etwa %Ln Anfrage an die Cloud nötig.</numerusform>
            <numerusform>Dafür sind etwa %Ln Anfragen an die Cloud nötig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln rows</source>
        <translation>
            <numerusform>%Ln Zeile &amp;importieren</numerusform>
            <numerusform>%Ln Zeilen &amp;importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::MainWindow</name>
    <message>
        <source>Flotilla</source>
        <translation>Flotilla</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <source>Filter devices: name, ID, serial, notes; fw:5, online, offline, pending, in:berlin</source>
        <translation>Geräte filtern: Name, ID, Seriennummer, Notizen; fw:5, online, offline, pending, in:berlin</translation>
    </message>
    <message>
        <source>Flotilla — %1</source>
        <translation>Flotilla — %1</translation>
    </message>
    <message>
        <source>About Flotilla</source>
        <translation>Über Flotilla</translation>
    </message>
    <message>
        <source>Flotilla %1
An operations console for Particle device fleets.</source>
        <translation>Flotilla %1
Eine Betriebskonsole für Particle-Geräteflotten.</translation>
    </message>
    <message>
        <source>This session works on a sandbox cloud of its own, which stops when Flotilla closes: the rollouts, the devices&apos; progress and everything else done in this session are lost for good.</source>
        <translation>Diese Sitzung arbeitet mit einer eigenen Sandbox-Cloud, die beim Schließen von Flotilla beendet wird: Die Rollouts, der Fortschritt der Geräte und alles andere, was in dieser Sitzung getan wurde, gehen endgültig verloren.</translation>
    </message>
    <message>
        <source>Devices already told to update keep updating in the cloud; the next waves wait for Flotilla. The rollouts resume where they are the next time Flotilla starts.</source>
        <translation>Geräte, die bereits zum Update aufgefordert wurden, werden in der Cloud weiter aktualisiert; die nächsten Wellen warten auf Flotilla. Die Rollouts werden beim nächsten Start von Flotilla dort fortgesetzt, wo sie stehen.</translation>
    </message>
    <message>
        <source>Quit Flotilla</source>
        <translation>Flotilla beenden</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Trotzdem beenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Import devices</source>
        <translation>Geräte importieren</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Tabellen (*.csv *.tsv *.txt *.xlsx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Select rows of the device table to copy them.</source>
        <translation>Wählen Sie Zeilen der Gerätetabelle aus, um sie zu kopieren.</translation>
    </message>
    <message>
        <source>Select devices, or a customer, group or pool with devices, to copy their IDs.</source>
        <translation>Wählen Sie Geräte oder einen Kunden, eine Gruppe oder einen Pool mit Geräten aus, um deren IDs zu kopieren.</translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree to flash them.</source>
        <translation>Wählen Sie Geräte, Gruppen oder Kunden im Baum aus, um sie zu flashen.</translation>
    </message>
    <message>
        <source>Rollout started</source>
        <translation>Rollout gestartet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Fetch the fleet from the cloud now</source>
        <translation>Die Flotte jetzt aus der Cloud abrufen</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>Keep changes local; send them when you go back online</source>
        <translation>Änderungen lokal behalten; sie werden gesendet, wenn Sie wieder online gehen</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to the Particle cloud with an access token</source>
        <translation>Mit einem Zugriffstoken bei der Particle-Cloud anmelden</translation>
    </message>
    <message>
        <source>Product OAuth &amp;client…</source>
        <translation>Produkt-OAuth-&amp;Client…</translation>
    </message>
    <message>
        <source>Set or clear the product&apos;s OAuth client, needed to link customers to Particle customer accounts</source>
        <translation>Den OAuth-Client des Produkts eintragen oder entfernen; er wird benötigt, um Kunden mit Particle-Kundenkonten zu verknüpfen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Read a list of devices from a CSV file or an Excel workbook: import them into the product, place, name and annotate them, with a preview first</source>
        <translation>Eine Liste von Geräten aus einer CSV-Datei oder einer Excel-Arbeitsmappe lesen: die Geräte in das Produkt importieren, platzieren, benennen und mit Notizen versehen, zuerst mit einer Vorschau</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the devices of the selected node, the selection, the filter or the whole fleet to a CSV file or an Excel workbook</source>
        <translation>Die Geräte des ausgewählten Knotens, der Auswahl, des Filters oder der gesamten Flotte in eine CSV-Datei oder eine Excel-Arbeitsmappe schreiben</translation>
    </message>
    <message>
        <source>Close Flotilla; changes not yet sent are kept and sent next time</source>
        <translation>Flotilla schließen; noch nicht gesendete Änderungen bleiben erhalten und werden beim nächsten Mal gesendet</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Die letzte Bearbeitung rückgängig machen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the last edit</source>
        <translation>Die letzte Bearbeitung wiederholen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Verschieben nach…</translation>
    </message>
    <message>
        <source>Move the selected devices (or group) to a customer, group or pool</source>
        <translation>Die ausgewählten Geräte (oder die Gruppe) zu einem Kunden, einer Gruppe oder einem Pool verschieben</translation>
    </message>
    <message>
        <source>New &amp;customer…</source>
        <translation>Neuer &amp;Kunde…</translation>
    </message>
    <message>
        <source>Create a customer</source>
        <translation>Einen Kunden erstellen</translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation>Neue &amp;Gruppe…</translation>
    </message>
    <message>
        <source>Create a group under the selected customer or group</source>
        <translation>Eine Gruppe unter dem ausgewählten Kunden bzw. der ausgewählten Gruppe erstellen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the selected customer or group</source>
        <translation>Den ausgewählten Kunden bzw. die ausgewählte Gruppe umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected customer or group</source>
        <translation>Den ausgewählten Kunden bzw. die ausgewählte Gruppe löschen</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <source>Devices and groups that contradict the tree, with a repair</source>
        <translation>Geräte und Gruppen, die dem Baum widersprechen, mit einer Reparatur</translation>
    </message>
    <message>
        <source>&amp;Flash…</source>
        <translation>&amp;Flashen…</translation>
    </message>
    <message>
        <source>Flash firmware to the selected devices, groups or customers</source>
        <translation>Firmware auf die ausgewählten Geräte, Gruppen oder Kunden flashen</translation>
    </message>
    <message>
        <source>&amp;Rollouts</source>
        <translation>&amp;Rollouts</translation>
    </message>
    <message>
        <source>Follow the firmware rollouts device by device</source>
        <translation>Die Firmware-Rollouts Gerät für Gerät verfolgen</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>The activity log: every change, who made it, from where, and its result</source>
        <translation>Das Aktivitätsprotokoll: jede Änderung, wer sie vorgenommen hat, von wo aus und mit welchem Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows of the device table, tab-separated with a header line, to paste them into a spreadsheet</source>
        <translation>Die ausgewählten Zeilen der Gerätetabelle tabulatorgetrennt mit Kopfzeile kopieren, um sie in eine Tabellenkalkulation einzufügen</translation>
    </message>
    <message>
        <source>Copy device &amp;IDs</source>
        <translation>Geräte-&amp;IDs kopieren</translation>
    </message>
    <message>
        <source>Copy the IDs of the selected devices (or of every device of the selected customers, groups and pools), one per line</source>
        <translation>Die IDs der ausgewählten Geräte (oder aller Geräte der ausgewählten Kunden, Gruppen und Pools) kopieren, eine pro Zeile</translation>
    </message>
    <message>
        <source>Edit &amp;notes…</source>
        <translation>&amp;Notizen bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the notes of the selected devices</source>
        <translation>Die Notizen der ausgewählten Geräte bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find devices</source>
        <translation>Geräte &amp;suchen</translation>
    </message>
    <message>
        <source>Filter the device table</source>
        <translation>Die Gerätetabelle filtern</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>Alle auf&amp;klappen</translation>
    </message>
    <message>
        <source>Expand every customer and group</source>
        <translation>Alle Kunden und Gruppen aufklappen</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>Collapse the tree</source>
        <translation>Den Baum zuklappen</translation>
    </message>
    <message>
        <source>&amp;About Flotilla</source>
        <translation>Ü&amp;ber Flotilla</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Close Flotilla; the sandbox cloud of this session stops, and what was done in it is discarded</source>
        <translation>Flotilla schließen; die Sandbox-Cloud dieser Sitzung wird beendet, und was darin getan wurde, wird verworfen</translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree to flash them</source>
        <translation>Wählen Sie Geräte, Gruppen oder Kunden im Baum aus, um sie zu flashen</translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation>&amp;Probleme (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 und %Ln weiterer</numerusform>
            <numerusform>%1 und %Ln weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rollouts are still running: %1.</source>
        <translation>
            <numerusform>%Ln Rollout läuft noch: %1.</numerusform>
            <numerusform>%Ln Rollouts laufen noch: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln rows with a header line: they paste into a spreadsheet</source>
        <translation>
            <numerusform>%Ln Zeile mit Kopfzeile kopiert: Sie lässt sich in eine Tabellenkalkulation einfügen</numerusform>
            <numerusform>%Ln Zeilen mit Kopfzeile kopiert: Sie lassen sich in eine Tabellenkalkulation einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln device IDs</source>
        <translation>
            <numerusform>%Ln Geräte-ID kopiert</numerusform>
            <numerusform>%Ln Geräte-IDs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Revoke this profile&apos;s access token and forget it</source>
        <translation>Das Zugriffstoken dieses Profils widerrufen und entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>Profil &amp;entfernen…</translation>
    </message>
    <message>
        <source>Reset the demo</source>
        <translation>Demo zurücksetzen</translation>
    </message>
    <message>
        <source>Discard everything done in the demo (customers, moves, rollouts) and start it afresh?</source>
        <translation>Alles, was in der Demo getan wurde (Kunden, Verschiebungen, Rollouts), verwerfen und die Demo neu beginnen?</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Switch to another profile or the demo, add one, or sign out</source>
        <translation>Zu einem anderen Profil oder zur Demo wechseln, ein Profil hinzufügen oder abmelden</translation>
    </message>
    <message>
        <source>Reset &amp;demo…</source>
        <translation>&amp;Demo zurücksetzen…</translation>
    </message>
    <message>
        <source>Discard everything done in the demo and start it afresh</source>
        <translation>Alles, was in der Demo getan wurde, verwerfen und die Demo neu beginnen</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Language, rollout defaults, network proxy and the local cache</source>
        <translation>Sprache, Standardwerte für Rollouts, Netzwerk-Proxy und lokaler Cache</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::MoveConfirmDialog</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>claimed to %1</source>
        <translation>für %1 beansprucht</translation>
    </message>
    <message>
        <source>released from its owner</source>
        <translation>vom Eigentümer gelöst</translation>
    </message>
    <message>
        <source>released, then claimed to %1</source>
        <translation>gelöst, dann für %1 beansprucht</translation>
    </message>
    <message>
        <source>Confirm move</source>
        <translation>Verschieben bestätigen</translation>
    </message>
    <message>
        <source>Firmware targets that change:</source>
        <translation>Firmware-Ziele, die sich ändern:</translation>
    </message>
    <message>
        <source>Target now</source>
        <translation>Ziel jetzt</translation>
    </message>
    <message>
        <source>Target after</source>
        <translation>Ziel danach</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>bereits dort</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NodeDialog</name>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>A customer is a top-level node of the tree: a Particle group of its own, which every device of the customer is in.</source>
        <translation>Ein Kunde ist ein Knoten der obersten Ebene im Baum: eine eigene Particle-Gruppe, in der sich jedes Gerät des Kunden befindet.</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>A new group under %1. Its devices are also in the groups of every node above it.</source>
        <translation>Eine neue Gruppe unter %1. Ihre Geräte sind auch in den Gruppen aller darüberliegenden Knoten.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>The title is only a label. A new short name renames the Particle group of this node and of every node under it.</source>
        <translation>Der Titel ist nur eine Bezeichnung. Ein neuer Kurzname benennt die Particle-Gruppe dieses Knotens und aller Knoten darunter um.</translation>
    </message>
    <message>
        <source>for example: Acme Logistics</source>
        <translation>zum Beispiel: Acme Logistics</translation>
    </message>
    <message>
        <source>for example: Berlin depot</source>
        <translation>zum Beispiel: Depot Berlin</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Lowercase letters and digits, with single &apos;-&apos; or &apos;_&apos; between them. The Particle group name is the short names of every level, joined by &apos;--&apos;, in at most %1 characters.</source>
        <translation>Kleinbuchstaben und Ziffern, mit einzelnen &apos;-&apos; oder &apos;_&apos; dazwischen. Der Particle-Gruppenname besteht aus den Kurznamen aller Ebenen, verbunden durch &apos;--&apos;, mit höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>Particle group:</source>
        <translation>Particle-Gruppe:</translation>
    </message>
    <message>
        <source>Other short names:</source>
        <translation>Andere Kurznamen:</translation>
    </message>
    <message>
        <source>&amp;Link a Particle customer account (devices moved here are claimed to it)</source>
        <translation>Particle-Kundenkonto &amp;verknüpfen (hierher verschobene Geräte werden dafür beansprucht)</translation>
    </message>
    <message>
        <source>for example: ops@acme.example</source>
        <translation>zum Beispiel: ops@acme.example</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>K&amp;onto:</translation>
    </message>
    <message>
        <source>&amp;Create the account now (a customer without a password)</source>
        <translation>Konto jetzt &amp;erstellen (ein Kunde ohne Passwort)</translation>
    </message>
    <message>
        <source>Creating customer accounts needs the product&apos;s OAuth client, which this session does not have</source>
        <translation>Zum Erstellen von Kundenkonten ist der OAuth-Client des Produkts nötig, den diese Sitzung nicht hat</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Use the short name “%1” (Particle group %2)</source>
        <translation>Den Kurznamen „%1“ verwenden (Particle-Gruppe %2)</translation>
    </message>
    <message>
        <source>%1 is already %2 levels deep; no group can be created under it.</source>
        <translation>%1 liegt bereits %2 Ebenen tief; darunter kann keine Gruppe erstellt werden.</translation>
    </message>
    <message>
        <source>There is no room for a group under %1: its Particle group name already has %2 of the %3 characters Particle allows, and a group under it needs &apos;--&apos; and at least one character more. Give %1 a shorter short name first (Rename).</source>
        <translation>Unter %1 ist kein Platz für eine Gruppe: Der zugehörige Particle-Gruppenname hat bereits %2 der %3 Zeichen, die Particle erlaubt, und eine Gruppe darunter braucht &apos;--&apos; und mindestens ein weiteres Zeichen. Geben Sie %1 zuerst einen kürzeren Kurznamen (Umbenennen).</translation>
    </message>
    <message>
        <source>Enter a title: the name people see in the tree.</source>
        <translation>Geben Sie einen Titel ein: den Namen, der im Baum angezeigt wird.</translation>
    </message>
    <message>
        <source>Enter a short name: lowercase letters and digits, with single &apos;-&apos; or &apos;_&apos; between them.</source>
        <translation>Geben Sie einen Kurznamen ein: Kleinbuchstaben und Ziffern, mit einzelnen &apos;-&apos; oder &apos;_&apos; dazwischen.</translation>
    </message>
    <message>
        <source>The full path %1 would be %2 characters; Particle allows %3. Under %4 a short name may have %5 characters.</source>
        <translation>Der vollständige Pfad %1 hätte %2 Zeichen; Particle erlaubt %3. Unter %4 darf ein Kurzname %5 Zeichen haben.</translation>
    </message>
    <message>
        <source>Suggested: %1.</source>
        <translation>Vorgeschlagen: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>With this short name, the Particle group name of %1 would be %2 characters; Particle allows %3. A short name of at most %4 characters fits.</source>
        <translation>Mit diesem Kurznamen hätte der Particle-Gruppenname von %1 %2 Zeichen; Particle erlaubt %3. Ein Kurzname mit höchstens %4 Zeichen passt.</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by “%2”; choose another one.</source>
        <translation>Der Kurzname &apos;%1&apos; ist hier bereits durch „%2“ belegt; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>The short name &apos;%1&apos; is taken here by a group of the product outside the tree; choose another one.</source>
        <translation>Der Kurzname &apos;%1&apos; ist hier bereits durch eine Gruppe des Produkts außerhalb des Baums belegt; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Change the title or the short name.</source>
        <translation>Ändern Sie den Titel oder den Kurznamen.</translation>
    </message>
    <message>
        <source>Enter the customer account&apos;s e-mail address, or do not link an account.</source>
        <translation>Geben Sie die E-Mail-Adresse des Kundenkontos ein, oder verknüpfen Sie kein Konto.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address; a customer account is named by one.</source>
        <translation>&apos;%1&apos; ist keine E-Mail-Adresse; ein Kundenkonto wird durch seine E-Mail-Adresse benannt.</translation>
    </message>
    <message>
        <source>The product has no customer account &apos;%1&apos;; tick &quot;Create the account now&quot; to create it.</source>
        <translation>Das Produkt hat kein Kundenkonto &apos;%1&apos;; aktivieren Sie „Konto jetzt erstellen“, um es zu erstellen.</translation>
    </message>
    <message>
        <source>Creating customer accounts needs the product&apos;s OAuth client, which this session does not have.</source>
        <translation>Zum Erstellen von Kundenkonten ist der OAuth-Client des Produkts nötig, den diese Sitzung nicht hat.</translation>
    </message>
    <message>
        <source>There is already a customer named “%1”. Two customers with the same title cannot be told apart in the tree, in moves and in rollouts. If this is another customer, give it a title that sets it apart (for example with its city).</source>
        <translation>Es gibt bereits einen Kunden namens „%1“. Zwei Kunden mit demselben Titel lassen sich im Baum, bei Verschiebungen und in Rollouts nicht unterscheiden. Wenn dies ein anderer Kunde ist, geben Sie ihm einen Titel, der ihn unterscheidet (zum Beispiel mit seiner Stadt).</translation>
    </message>
    <message>
        <source>Yes, give it the same title as the other customer</source>
        <translation>Ja, ihm denselben Titel wie dem anderen Kunden geben</translation>
    </message>
    <message>
        <source>Yes, create a second customer named “%1”</source>
        <translation>Ja, einen zweiten Kunden namens „%1“ erstellen</translation>
    </message>
    <message>
        <source>%1 already has a group named “%2”. Two groups with the same title under one parent cannot be told apart in the tree, in moves and in rollouts.</source>
        <translation>%1 hat bereits eine Gruppe namens „%2“. Zwei Gruppen mit demselben Titel unter einem übergeordneten Knoten lassen sich im Baum, bei Verschiebungen und in Rollouts nicht unterscheiden.</translation>
    </message>
    <message>
        <source>Yes, give it the same title as the other group</source>
        <translation>Ja, ihr denselben Titel wie der anderen Gruppe geben</translation>
    </message>
    <message>
        <source>Yes, create a second group named “%1” there</source>
        <translation>Ja, dort eine zweite Gruppe namens „%1“ erstellen</translation>
    </message>
    <message>
        <source>Change the title, or confirm that a second one with this title is meant.</source>
        <translation>Ändern Sie den Titel, oder bestätigen Sie, dass ein zweiter Eintrag mit diesem Titel gewollt ist.</translation>
    </message>
    <message>
        <source>The full path %1 would be %2 characters; Particle allows %3, so the short name is shortened to “%4”.</source>
        <translation>Der vollständige Pfad %1 hätte %2 Zeichen; Particle erlaubt %3, daher wird der Kurzname auf „%4“ gekürzt.</translation>
    </message>
    <message>
        <source>A shorter short name for %1 would leave more room.</source>
        <translation>Ein kürzerer Kurzname für %1 würde mehr Platz lassen.</translation>
    </message>
    <message>
        <source>“%1” (%2 characters) is shortened to “%3” so that the groups under it have room: a Particle group name holds the short names of every level in at most %4 characters.</source>
        <translation>„%1“ (%2 Zeichen) wird auf „%3“ gekürzt, damit die Gruppen darunter Platz haben: Ein Particle-Gruppenname enthält die Kurznamen aller Ebenen in höchstens %4 Zeichen.</translation>
    </message>
    <message>
        <source>With this short name, the groups under it have %1 of the %2 characters left for their short names (up to %3 more levels); a shorter one leaves them more room.</source>
        <translation>Mit diesem Kurznamen bleiben den Gruppen darunter %1 der %2 Zeichen für ihre Kurznamen (bis zu %3 weitere Ebenen); ein kürzerer lässt ihnen mehr Platz.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source> · %1 too many</source>
        <translation> · %1 zu viel</translation>
    </message>
    <message>
        <source> · the deepest level: no groups under it</source>
        <translation> · die tiefste Ebene: keine Gruppen darunter</translation>
    </message>
    <message>
        <source> · no room for groups under it</source>
        <translation> · kein Platz für Gruppen darunter</translation>
    </message>
    <message>
        <source> · %1 left for the groups under it</source>
        <translation> · %1 übrig für die Gruppen darunter</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NodePickerDialog</name>
    <message>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Type to search customers, groups and pools</source>
        <translation>Tippen Sie, um Kunden, Gruppen und Pools zu suchen</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message>
        <source>Move here</source>
        <translation>Hierher verschieben</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::NotesDialog</name>
    <message>
        <source>Notes of %1</source>
        <translation>Notizen zu %1</translation>
    </message>
    <message>
        <source>The notes of the %1, kept with each device in Particle. An empty text clears them.</source>
        <translation>Die Notizen der %1, in Particle bei jedem Gerät gespeichert. Ein leerer Text löscht sie.</translation>
    </message>
    <message>
        <source>Notes of %1, kept with the device in Particle. An empty text clears them.</source>
        <translation>Notizen zu %1, in Particle beim Gerät gespeichert. Ein leerer Text löscht sie.</translation>
    </message>
    <message>
        <source>The devices have different notes</source>
        <translation>Die Geräte haben unterschiedliche Notizen</translation>
    </message>
    <message>
        <source>The %1 have different notes: what you enter here replaces the notes of every one of them. An empty text clears them.</source>
        <translation>Die %1 haben unterschiedliche Notizen: Was Sie hier eingeben, ersetzt die Notizen jedes einzelnen davon. Ein leerer Text löscht sie.</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProblemsDialog</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>These devices&apos; groups contradict the tree. Repair keeps the deepest node and sets its full chain; labels stay.</source>
        <translation>Die Gruppen dieser Geräte widersprechen dem Baum. Die Reparatur behält den tiefsten Knoten und setzt dessen vollständige Kette; Labels bleiben erhalten.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Groups now</source>
        <translation>Gruppen jetzt</translation>
    </message>
    <message>
        <source>After repair</source>
        <translation>Nach der Reparatur</translation>
    </message>
    <message>
        <source>Repair &amp;selected</source>
        <translation>&amp;Ausgewählte reparieren</translation>
    </message>
    <message>
        <source>Repair &amp;all</source>
        <translation>A&amp;lle reparieren</translation>
    </message>
    <message>
        <source>These groups are tagged as part of the tree but cannot be nodes; they are shown as plain labels until someone fixes their name or description.</source>
        <translation>Diese Gruppen sind als Teil des Baums markiert, können aber keine Knoten sein; sie werden als einfache Labels angezeigt, bis jemand ihren Namen oder ihre Beschreibung korrigiert.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Devices that need repair: %1</source>
        <translation>Geräte, die repariert werden müssen: %1</translation>
    </message>
    <message>
        <source>Groups with problems: %1</source>
        <translation>Gruppen mit Problemen: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProductClientDialog</name>
    <message>
        <source>Product OAuth Client</source>
        <translation>Produkt-OAuth-Client</translation>
    </message>
    <message>
        <source>Needed only to link customers to Particle customer accounts. The secret is kept in the system keychain, never in files.</source>
        <translation>Nur nötig, um Kunden mit Particle-Kundenkonten zu verknüpfen. Das Secret wird im Schlüsselbund des Systems gespeichert, nie in Dateien.</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Forget the product&apos;s OAuth client</source>
        <translation>Den OAuth-Client des Produkts entfernen</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::ProgressChart</name>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation>Noch kein Fortschritt aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::RolloutMonitor</name>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Failed or timed out</source>
        <translation>Fehlgeschlagen oder Zeit überschritten</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>No new wave starts and no new request is sent; devices already targeted go on</source>
        <translation>Es startet keine neue Welle, und es wird keine neue Anfrage gesendet; Geräte, die ihr Ziel bereits erhalten haben, machen weiter</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go on; after a pause for failures, that wave&apos;s failures are accepted</source>
        <translation>Weitermachen; nach einem Anhalten wegen Fehlern werden die Fehler dieser Welle akzeptiert</translation>
    </message>
    <message>
        <source>Start next wave</source>
        <translation>Nächste Welle starten</translation>
    </message>
    <message>
        <source>Start the next wave now, without waiting for the success threshold</source>
        <translation>Die nächste Welle jetzt starten, ohne auf die Erfolgsschwelle zu warten</translation>
    </message>
    <message>
        <source>Abort…</source>
        <translation>Abbrechen…</translation>
    </message>
    <message>
        <source>Cancel the devices not yet started; devices updating finish</source>
        <translation>Noch nicht gestartete Geräte abbrechen; Geräte, die gerade aktualisiert werden, schließen ab</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Zurückrollen…</translation>
    </message>
    <message>
        <source>Return every device that succeeded to the version it ran before</source>
        <translation>Jedes erfolgreiche Gerät auf die Version zurücksetzen, die es vorher hatte</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget this finished rollout</source>
        <translation>Diesen abgeschlossenen Rollout vergessen</translation>
    </message>
    <message>
        <source>Search devices: name, ID, node, reason</source>
        <translation>Geräte suchen: Name, ID, Knoten, Grund</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Last problem (%1): %2</source>
        <translation>Letztes Problem (%1): %2</translation>
    </message>
    <message>
        <source>No rollouts yet</source>
        <translation>Noch keine Rollouts</translation>
    </message>
    <message>
        <source>Select devices, groups or customers in the tree and choose Flash… to start one.</source>
        <translation>Wählen Sie Geräte, Gruppen oder Kunden im Baum aus und wählen Sie Flashen…, um einen Rollout zu starten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 devices succeeded, %3 failed, %4 in progress, %5 not started</source>
        <translation>%1 von %2 Geräten erfolgreich, %3 fehlgeschlagen, %4 in Bearbeitung, %5 nicht gestartet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>taken out of the rollout groups</source>
        <translation>aus den Rollout-Gruppen genommen</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>Festlegung aufgehoben</translation>
    </message>
    <message>
        <source>left as they are</source>
        <translation>unverändert gelassen</translation>
    </message>
    <message>
        <source>Abort %1? %2 devices not yet started are cancelled (%3). %4 devices in the middle of an update finish it; devices that finished stay as they are.</source>
        <translation>%1 abbrechen? %2 noch nicht gestartete Geräte werden abgebrochen (%3). %4 Geräte, die sich mitten in einem Update befinden, schließen es ab; bereits fertige Geräte bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Abort rollout</source>
        <translation>Rollout abbrechen</translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation>v%1 ×%2</translation>
    </message>
    <message>
        <source>Roll back %1? %2 devices that succeeded or are updating return to the version they ran before (%3): they are taken out of the rollout groups, locked to that version and flashed. They stay locked; unlock them once a fixed version is out.</source>
        <translation>%1 zurückrollen? %2 Geräte, die erfolgreich waren oder gerade aktualisiert werden, kehren zu der Version zurück, die sie vorher hatten (%3): Sie werden aus den Rollout-Gruppen genommen, auf diese Version festgelegt und geflasht. Sie bleiben festgelegt; heben Sie die Festlegung auf, sobald eine korrigierte Version verfügbar ist.</translation>
    </message>
    <message>
        <source>The rollout is aborted first. </source>
        <translation>Der Rollout wird zuerst abgebrochen. </translation>
    </message>
    <message>
        <source>Roll back rollout</source>
        <translation>Rollout zurückrollen</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SelectionController</name>
    <message>
        <source>none ×%1</source>
        <translation>keine ×%1</translation>
    </message>
    <message>
        <source>v%1 ×%2</source>
        <translation>v%1 ×%2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Pool: devices in stock, in no customer</source>
        <translation>Pool: Geräte auf Lager, bei keinem Kunden</translation>
    </message>
    <message>
        <source>Pool: units back for refurbishment</source>
        <translation>Pool: zur Aufbereitung zurückgekommene Geräte</translation>
    </message>
    <message>
        <source>Devices whose groups contradict the tree</source>
        <translation>Geräte, deren Gruppen dem Baum widersprechen</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Flotilla starts next.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Flotilla.</translation>
    </message>
    <message>
        <source>The next wave starts once this share of a wave has succeeded</source>
        <translation>Die nächste Welle startet, sobald dieser Anteil einer Welle erfolgreich war</translation>
    </message>
    <message>
        <source>The rollout pauses once this share of a wave has failed (0 %: at the first failure)</source>
        <translation>Der Rollout wird angehalten, sobald dieser Anteil einer Welle fehlgeschlagen ist (0 %: beim ersten Fehler)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>A device that has not updated this long after its wave started counts as timed out</source>
        <translation>Ein Gerät, das sich so lange nach dem Start seiner Welle nicht aktualisiert hat, gilt als „Zeit überschritten“</translation>
    </message>
    <message>
        <source>&amp;Success threshold:</source>
        <translation>&amp;Erfolgsschwelle:</translation>
    </message>
    <message>
        <source>&amp;Failure threshold:</source>
        <translation>&amp;Fehlerschwelle:</translation>
    </message>
    <message>
        <source>Device &amp;timeout:</source>
        <translation>Geräte-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>What Flash… and “flotillactl rollout start” plan a new staged rollout with; each rollout can still be set otherwise.</source>
        <translation>Damit planen Flashen… und „flotillactl rollout start“ einen neuen gestaffelten Rollout; jeder Rollout lässt sich trotzdem einzeln anders einstellen.</translation>
    </message>
    <message>
        <source>The s&amp;ystem&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des S&amp;ystems</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Kein Proxy</translation>
    </message>
    <message>
        <source>&amp;Manual proxy (HTTP):</source>
        <translation>&amp;Manueller Proxy (HTTP):</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Kept until Flotilla closes, never saved</source>
        <translation>Wird bis zum Schließen von Flotilla aufbewahrt, nie gespeichert</translation>
    </message>
    <message>
        <source>Share of the &amp;request budget:</source>
        <translation>Anteil am A&amp;nfragebudget:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The password is kept only until Flotilla closes. A sandbox cloud on this computer is always reached directly, and the Particle cloud only over HTTPS.</source>
        <translation>Das Passwort wird nur bis zum Schließen von Flotilla aufbewahrt. Eine Sandbox-Cloud auf diesem Computer wird immer direkt erreicht, die Particle-Cloud nur über HTTPS.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>C&amp;lear cache…</source>
        <translation>Cache &amp;leeren…</translation>
    </message>
    <message>
        <source>Delete the local cache and read the fleet from the cloud again</source>
        <translation>Den lokalen Cache löschen und die Flotte erneut aus der Cloud lesen</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Verwendet:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Cache &amp;folder:</source>
        <translation>&amp;Cache-Ordner:</translation>
    </message>
    <message>
        <source>Empty: the usual place. Caches made from now on live there; the fleet is read again from the cloud into it when Flotilla opens it next.</source>
        <translation>Leer: der übliche Ort. Caches, die ab jetzt angelegt werden, liegen dort; wenn Flotilla die Flotte das nächste Mal öffnet, wird sie erneut aus der Cloud dorthin gelesen.</translation>
    </message>
    <message>
        <source>Change the cache folder once they are sent (see “pending changes” in the status bar).</source>
        <translation>Ändern Sie den Cache-Ordner, sobald sie gesendet sind (siehe „ausstehende Änderungen“ in der Statusleiste).</translation>
    </message>
    <message>
        <source>Flotilla sends at most %1 requests in 5 minutes. Particle counts the requests of every program of the same internet address together: the rest is left to them. A new share applies when Flotilla opens the fleet next.</source>
        <translation>Flotilla sendet höchstens %1 Anfragen in 5 Minuten. Particle zählt die Anfragen aller Programme mit derselben Internetadresse zusammen: Der Rest bleibt den anderen Programmen überlassen. Ein neuer Anteil gilt, wenn Flotilla die Flotte das nächste Mal öffnet.</translation>
    </message>
    <message>
        <source>Folder of the local caches</source>
        <translation>Ordner der lokalen Caches</translation>
    </message>
    <message>
        <source>Clear the cache once they are sent (see “pending changes” in the status bar), or they are lost.</source>
        <translation>Leeren Sie den Cache erst, wenn sie gesendet sind (siehe „ausstehende Änderungen“ in der Statusleiste), sonst gehen sie verloren.</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Delete the local cache and read the whole fleet from the cloud again?</source>
        <translation>Den lokalen Cache löschen und die gesamte Flotte erneut aus der Cloud lesen?</translation>
    </message>
    <message>
        <source>The window closes and opens again; the activity log of this computer starts anew. Nothing changes in the cloud.</source>
        <translation>Das Fenster wird geschlossen und wieder geöffnet; das Aktivitätsprotokoll dieses Computers beginnt neu. In der Cloud ändert sich nichts.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent yet live in the local cache.</source>
        <translation>
            <numerusform>%Ln noch nicht gesendete Änderung liegt im lokalen Cache.</numerusform>
            <numerusform>%Ln noch nicht gesendete Änderungen liegen im lokalen Cache.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::SignInDialog</name>
    <message>
        <source>Sign in to Particle</source>
        <translation>Bei Particle anmelden</translation>
    </message>
    <message>
        <source>Sign in to %1 with an access token of a member of the product&apos;s team (create one with &quot;particle token create&quot; or in the Particle console). It is kept in the system keychain, never in files.</source>
        <translation>Melden Sie sich bei %1 mit einem Zugriffstoken eines Mitglieds des Produktteams an (erstellen Sie eines mit &quot;particle token create&quot; oder in der Particle-Konsole). Es wird im Schlüsselbund des Systems gespeichert, nie in Dateien.</translation>
    </message>
    <message>
        <source>&amp;Access token:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <source>Product OAuth client (optional)</source>
        <translation>Produkt-OAuth-Client (optional)</translation>
    </message>
    <message>
        <source>Needed only to link customers to Particle customer accounts.</source>
        <translation>Nur nötig, um Kunden mit Particle-Kundenkonten zu verknüpfen.</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>The connection to the cloud is gone; restart Flotilla.</source>
        <translation>Die Verbindung zur Cloud besteht nicht mehr; starten Sie Flotilla neu.</translation>
    </message>
    <message>
        <source>Enter both the client ID and the client secret, or neither.</source>
        <translation>Geben Sie sowohl die Client-ID als auch das Client-Secret ein oder keines von beiden.</translation>
    </message>
    <message>
        <source>Checking the token with the cloud…</source>
        <translation>Token wird bei der Cloud geprüft…</translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation>Token wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The cloud refused this token: it is invalid, expired or revoked.</source>
        <translation>Die Cloud hat dieses Token abgelehnt: Es ist ungültig, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>The cloud cannot be reached (%1). Check the network and try again.</source>
        <translation>Die Cloud ist nicht erreichbar (%1). Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The token could not be checked: %1</source>
        <translation>Das Token konnte nicht geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::StatusBarController</name>
    <message>
        <source>Sync failed: %1</source>
        <translation>Abgleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Claims to customer accounts wait: %1</source>
        <translation>Beanspruchungen für Kundenkonten warten: %1</translation>
    </message>
    <message>
        <source>The cloud refused “%1”, so it was undone here: %2</source>
        <translation>Die Cloud hat „%1“ abgelehnt, daher wurde es hier rückgängig gemacht: %2</translation>
    </message>
    <message>
        <source>Rollout %1: %2</source>
        <translation>Rollout %1: %2</translation>
    </message>
    <message>
        <source>Local cache damaged: nothing is loaded or sent</source>
        <translation>Lokaler Cache beschädigt: Es wird nichts geladen oder gesendet</translation>
    </message>
    <message>
        <source>Loading the cache…</source>
        <translation>Cache wird geladen…</translation>
    </message>
    <message>
        <source>Syncing with the cloud…</source>
        <translation>Abgleich mit der Cloud…</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Änderungen werden gesendet…</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Abgeglichen um %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed out: sign in to sync</source>
        <translation>Abgemeldet: Melden Sie sich an, um abzugleichen</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Offline-Modus</translation>
    </message>
    <message>
        <source>Offline: changes are queued</source>
        <translation>Offline: Änderungen kommen in die Warteschlange</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Online (%1)</source>
        <translation>Online (%1)</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Alle Änderungen gesendet</translation>
    </message>
    <message>
        <source>Every local change has been confirmed by the cloud</source>
        <translation>Jede lokale Änderung wurde von der Cloud bestätigt</translation>
    </message>
    <message>
        <source>API: %1 of %2 requests left</source>
        <translation>API: %1 von %2 Anfragen übrig</translation>
    </message>
    <message>
        <source>Particle allows %1 requests per %2 minutes; %3 were made in the current window</source>
        <translation>Particle erlaubt %1 Anfragen pro %2 Minuten; %3 wurden im aktuellen Zeitfenster gestellt</translation>
    </message>
    <message>
        <source>Kept here, will be sent when you go back online: %1</source>
        <translation>Hier aufbewahrt, wird gesendet, wenn Sie wieder online sind: %1</translation>
    </message>
    <message>
        <source>Done here, being sent to the cloud: %1</source>
        <translation>Hier erledigt, wird an die Cloud gesendet: %1</translation>
    </message>
    <message>
        <source>Sent to the cloud: %1</source>
        <translation>An die Cloud gesendet: %1</translation>
    </message>
    <message>
        <source>Working offline: edits are kept here and sent when you go back online</source>
        <translation>Offline-Modus: Bearbeitungen werden hier aufbewahrt und gesendet, wenn Sie wieder online sind</translation>
    </message>
    <message>
        <source>Back online</source>
        <translation>Wieder online</translation>
    </message>
    <message>
        <source>Rollout %1: %2/%3</source>
        <translation>Rollout %1: %2/%3</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1; and %2 more rollouts</source>
        <translation>%1; und %2 weitere Rollouts</translation>
    </message>
    <message numerus="yes">
        <source>%Ln claims to customers wait</source>
        <translation>
            <numerusform>%Ln Beanspruchung für Kunden wartet</numerusform>
            <numerusform>%Ln Beanspruchungen für Kunden warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending changes</source>
        <translation>
            <numerusform>%Ln ausstehende Änderung</numerusform>
            <numerusform>%Ln ausstehende Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes made here and not yet confirmed by the cloud (%Ln devices)</source>
        <translation>
            <numerusform>Hier vorgenommene, von der Cloud noch nicht bestätigte Änderungen (%Ln Gerät)</numerusform>
            <numerusform>Hier vorgenommene, von der Cloud noch nicht bestätigte Änderungen (%Ln Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes sent to the cloud</source>
        <translation>
            <numerusform>%Ln Änderung an die Cloud gesendet</numerusform>
            <numerusform>%Ln Änderungen an die Cloud gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the cloud: %1, and %Ln earlier changes</source>
        <translation>
            <numerusform>An die Cloud gesendet: %1 und %Ln frühere Änderung</numerusform>
            <numerusform>An die Cloud gesendet: %1 und %Ln frühere Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working offline: %Ln changes kept here, will be sent when you go back online</source>
        <translation>
            <numerusform>Offline-Modus: %Ln Änderung hier aufbewahrt, wird gesendet, wenn Sie wieder online sind</numerusform>
            <numerusform>Offline-Modus: %Ln Änderungen hier aufbewahrt, werden gesendet, wenn Sie wieder online sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back online: sending %Ln changes to the cloud…</source>
        <translation>
            <numerusform>Wieder online: %Ln Änderung wird an die Cloud gesendet…</numerusform>
            <numerusform>Wieder online: %Ln Änderungen werden an die Cloud gesendet…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::UploadDialog</name>
    <message>
        <source>Upload firmware</source>
        <translation>Firmware hochladen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Binary (.bin):</source>
        <translation>Binärdatei (.bin):</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Firmware binary</source>
        <translation>Firmware-Binärdatei</translation>
    </message>
    <message>
        <source>Firmware binaries (*.bin);;All files (*)</source>
        <translation>Firmware-Binärdateien (*.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Give the version a title.</source>
        <translation>Geben Sie der Version einen Titel.</translation>
    </message>
    <message>
        <source>The binary %1 cannot be read.</source>
        <translation>Die Binärdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The binary %1 is empty.</source>
        <translation>Die Binärdatei %1 ist leer.</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 bytes)…</source>
        <translation>%1 wird hochgeladen (%2 Byte)…</translation>
    </message>
    <message>
        <source>The upload failed.</source>
        <translation>Das Hochladen ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::WavesTable</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Wave (groups or %)</source>
        <translation>Welle (Gruppen oder %)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Success at</source>
        <translation>Erfolg bei</translation>
    </message>
    <message>
        <source>Pause at failures</source>
        <translation>Anhalten bei Fehlern</translation>
    </message>
    <message>
        <source>Pause before</source>
        <translation>Anhalten vor</translation>
    </message>
    <message>
        <source>A share of the devices not yet in a wave, e.g. 25%</source>
        <translation>Ein Anteil der Geräte, die noch in keiner Welle sind, z. B. 25%</translation>
    </message>
    <message>
        <source>Wave %1: “%2” is not a share of the devices (e.g. 25%).</source>
        <translation>Welle %1: „%2“ ist kein Anteil der Geräte (z. B. 25%).</translation>
    </message>
    <message>
        <source>Wave %1: %2</source>
        <translation>Welle %1: %2</translation>
    </message>
</context>
<context>
    <name>Flotilla::Views::WelcomeWindow</name>
    <message>
        <source>Welcome to Flotilla</source>
        <translation>Willkommen bei Flotilla</translation>
    </message>
    <message>
        <source>Flotilla manages the devices of a Particle product: customers, groups, moves and firmware rollouts. Try it on a demo fleet, or sign in to your Particle account.</source>
        <translation>Flotilla verwaltet die Geräte eines Particle-Produkts: Kunden, Gruppen, Verschiebungen und Firmware-Rollouts. Probieren Sie es mit einer Demo-Flotte aus, oder melden Sie sich mit Ihrem Particle-Konto an.</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>A simulated cloud with six customers and about 2,000 devices runs on this computer; what you do in it is kept until you reset it (View › Reset demo). No account needed.</source>
        <translation>Auf diesem Computer läuft eine simulierte Cloud mit sechs Kunden und rund 2.000 Geräten; was Sie darin tun, bleibt erhalten, bis Sie die Demo zurücksetzen (Ansicht › Demo zurücksetzen). Kein Konto erforderlich.</translation>
    </message>
    <message>
        <source>&amp;Sign in to Particle</source>
        <translation>Bei Particle &amp;anmelden</translation>
    </message>
    <message>
        <source>With your Particle account (email and password) or an API user&apos;s access token; then choose the product.</source>
        <translation>Mit Ihrem Particle-Konto (E-Mail und Passwort) oder dem Zugriffstoken eines API-Benutzers; anschließend wählen Sie das Produkt.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Sign in to Particle</source>
        <translation>Bei Particle anmelden</translation>
    </message>
    <message>
        <source>The Particle cloud&apos;s API address; a sandbox cloud on this computer is reached with http://127.0.0.1:PORT</source>
        <translation>Die API-Adresse der Particle-Cloud; eine Sandbox-Cloud auf diesem Computer erreichen Sie über http://127.0.0.1:PORT</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>&amp;Account (email and password)</source>
        <translation>&amp;Konto (E-Mail und Passwort)</translation>
    </message>
    <message>
        <source>Access &amp;token (an API user&apos;s)</source>
        <translation>Zugriffs&amp;token (eines API-Benutzers)</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Access t&amp;oken:</source>
        <translation>Zugriffst&amp;oken:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>This account uses two-step verification: enter the code your authenticator app shows now.</source>
        <translation>Dieses Konto verwendet die Bestätigung in zwei Schritten: Geben Sie den Code ein, den Ihre Authenticator-App gerade anzeigt.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Choose the product</source>
        <translation>Produkt auswählen</translation>
    </message>
    <message>
        <source>The products this account can work with, its own and its organisations&apos;. You can add more profiles later (File › Profiles).</source>
        <translation>Die Produkte, mit denen dieses Konto arbeiten kann: seine eigenen und die seiner Organisationen. Weitere Profile können Sie später hinzufügen (Datei › Profile).</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Flotilla keeps the access token it gets in the system keychain, never the password.</source>
        <translation>Flotilla speichert das erhaltene Zugriffstoken im Schlüsselbund des Systems, niemals das Passwort.</translation>
    </message>
    <message>
        <source>%1 Sign in again to go on with &quot;%2&quot;: changes not yet sent are kept and sent once you are signed in.</source>
        <translation>%1 Melden Sie sich erneut an, um mit „%2“ weiterzuarbeiten: Noch nicht gesendete Änderungen bleiben erhalten und werden gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>The cloud cannot be reached (%1). Check the address and the network, and try again.</source>
        <translation>Die Cloud ist nicht erreichbar (%1). Prüfen Sie die Adresse und das Netzwerk, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter the access token.</source>
        <translation>Geben Sie das Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>Enter the email and the password of your Particle account.</source>
        <translation>Geben Sie die E-Mail-Adresse und das Passwort Ihres Particle-Kontos ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>Falsche E-Mail-Adresse oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Enter the code your authenticator app shows.</source>
        <translation>Geben Sie den Code ein, den Ihre Authenticator-App anzeigt.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong or expired code: enter the code your authenticator app shows now.</source>
        <translation>Falscher oder abgelaufener Code: Geben Sie den Code ein, den Ihre Authenticator-App gerade anzeigt.</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Konto wird gelesen…</translation>
    </message>
    <message>
        <source>The cloud refused this access token: it is invalid, expired or revoked.</source>
        <translation>Die Cloud hat dieses Zugriffstoken abgelehnt: Es ist ungültig, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>This signs in as %1, not as %2 of this profile.</source>
        <translation>Damit melden Sie sich als %1 an, nicht als %2 dieses Profils.</translation>
    </message>
    <message>
        <source>an API user</source>
        <translation>ein API-Benutzer</translation>
    </message>
    <message>
        <source>the API user</source>
        <translation>der API-Benutzer</translation>
    </message>
    <message>
        <source>Reading the products…</source>
        <translation>Produkte werden gelesen…</translation>
    </message>
    <message>
        <source>The products cannot be read: %1</source>
        <translation>Die Produkte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This account has no product. Create one in the Particle console, or ask to be added to a product&apos;s team.</source>
        <translation>Dieses Konto hat kein Produkt. Erstellen Sie eines in der Particle-Konsole, oder bitten Sie darum, in das Team eines Produkts aufgenommen zu werden.</translation>
    </message>
    <message>
        <source>Your products</source>
        <translation>Ihre Produkte</translation>
    </message>
    <message>
        <source>Organisation %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>Wählen Sie ein Produkt.</translation>
    </message>
</context>
</TS>
