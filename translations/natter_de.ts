<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MediaLoader</name>
    <message>
        <source>This file is not available: it was removed, or you may not see it.</source>
        <translation>Diese Datei ist nicht verfügbar: Sie wurde entfernt, oder Sie dürfen sie nicht sehen.</translation>
    </message>
    <message>
        <source>You are not allowed to see this file.</source>
        <translation>Sie dürfen diese Datei nicht sehen.</translation>
    </message>
    <message>
        <source>The file could not be loaded.</source>
        <translation>Die Datei konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>last %1</source>
        <translation>zuletzt %1</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::Account</name>
    <message>
        <source>Enter the server&apos;s address, for example chat.example.com:%1.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel chat.example.com:%1.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>%1 answered in a way Natter does not understand.</source>
        <translation>%1 hat auf eine Weise geantwortet, die Natter nicht versteht.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The username “%1” is already taken. Choose another one, or sign in.</source>
        <translation>Der Benutzername „%1“ ist schon vergeben. Wählen Sie einen anderen, oder melden Sie sich an.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused these details: %1. Usernames are %2–%3 characters of a–z, 0–9, “_”, “.” and “-”; passwords at least %4 characters.</source>
        <translation>Der Server hat diese Angaben abgelehnt: %1. Benutzernamen bestehen aus %2–%3 Zeichen aus a–z, 0–9, „_“, „.“ und „-“; Passwörter haben mindestens %4 Zeichen.</translation>
    </message>
    <message>
        <source>The server refused these details: %1</source>
        <translation>Der Server hat diese Angaben abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 does not look like a Natter server.</source>
        <translation>%1 scheint kein Natter-Server zu sein.</translation>
    </message>
    <message>
        <source>The server answered with an error (%1). Try again later.</source>
        <translation>Der Server hat mit einem Fehler geantwortet (%1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Signing in to %1 was cancelled.</source>
        <translation>Die Anmeldung bei %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed and was not trusted, so nothing was sent to it. Ask the server&apos;s administrator whether the certificate was replaced.</source>
        <translation>Das Zertifikat von %1 hat sich geändert und wurde nicht als vertrauenswürdig bestätigt; es wurde nichts dorthin gesendet. Fragen Sie die Administration des Servers, ob das Zertifikat ersetzt wurde.</translation>
    </message>
    <message>
        <source>The certificate of %1 was not trusted, so nothing was sent to it.</source>
        <translation>Dem Zertifikat von %1 wurde nicht vertraut; es wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Nicht erlaubt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the new password: %1</source>
        <translation>Der Server hat das neue Passwort abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AdminEntry</name>
    <message>
        <source>&amp;Invite people…</source>
        <translation>Personen &amp;einladen …</translation>
    </message>
    <message>
        <source>A&amp;dministration…</source>
        <translation>A&amp;dministration …</translation>
    </message>
    <message numerus="yes">
        <source>⚑ %n open reports</source>
        <translation>
            <numerusform>⚑ %n offene Meldung</numerusform>
            <numerusform>⚑ %n offene Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the report queue</source>
        <translation>Die Meldungen öffnen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AdminUserModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AdminWindow</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Reports (%1)</source>
        <translation>Meldungen (%1)</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Alerts</name>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AttachmentTray</name>
    <message>
        <source>Files to send</source>
        <translation>Zu sendende Dateien</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Hochladen von %1</translation>
    </message>
    <message>
        <source>Cancel or remove %1</source>
        <translation>%1 abbrechen oder entfernen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Attention</name>
    <message numerus="yes">
        <source>(%n) %1</source>
        <translation>
            <numerusform>(%n) %1</numerusform>
            <numerusform>(%n) %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::AuditModel</name>
    <message>
        <source>Deleted a message</source>
        <translation>Hat eine Nachricht gelöscht</translation>
    </message>
    <message>
        <source>Made a channel read-only</source>
        <translation>Hat einen Kanal schreibgeschützt</translation>
    </message>
    <message>
        <source>Let everyone write in a channel</source>
        <translation>Hat einen Kanal für alle freigegeben</translation>
    </message>
    <message>
        <source>Changed a member&apos;s role</source>
        <translation>Hat die Rolle eines Mitglieds geändert</translation>
    </message>
    <message>
        <source>Muted a member</source>
        <translation>Hat ein Mitglied stummgeschaltet</translation>
    </message>
    <message>
        <source>Unmuted a member</source>
        <translation>Hat die Stummschaltung eines Mitglieds aufgehoben</translation>
    </message>
    <message>
        <source>Deactivated an account</source>
        <translation>Hat ein Konto deaktiviert</translation>
    </message>
    <message>
        <source>Reactivated an account</source>
        <translation>Hat ein Konto reaktiviert</translation>
    </message>
    <message>
        <source>Changed a server role</source>
        <translation>Hat eine Serverrolle geändert</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Hat ein Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Created an account</source>
        <translation>Hat ein Konto angelegt</translation>
    </message>
    <message>
        <source>Created an invite</source>
        <translation>Hat eine Einladung erstellt</translation>
    </message>
    <message>
        <source>Revoked an invite</source>
        <translation>Hat eine Einladung widerrufen</translation>
    </message>
    <message>
        <source>Reported a message</source>
        <translation>Hat eine Nachricht gemeldet</translation>
    </message>
    <message>
        <source>Resolved a report</source>
        <translation>Hat eine Meldung bearbeitet</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Kommandozeile</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
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
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Whom / where</source>
        <translation>Wen / wo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AuditTab</name>
    <message>
        <source>Load older entries</source>
        <translation>Ältere Einträge laden</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Every moderation and administration action, newest first. Entries can never be changed or removed.</source>
        <translation>Jede Moderations- und Verwaltungsaktion, die neueste zuerst. Einträge können nie geändert oder entfernt werden.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::BannerNotifier</name>
    <message>
        <source>Click to open</source>
        <translation>Zum Öffnen klicken</translation>
    </message>
</context>
<context>
    <name>Natter::Client::CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Das Zertifikat des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>Check the server&apos;s certificate</source>
        <translation>Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>%1 now shows a different certificate from the one you trusted.</source>
        <translation>%1 zeigt jetzt ein anderes Zertifikat als das, dem Sie vertraut haben.</translation>
    </message>
    <message>
        <source>%1 uses a certificate that this computer cannot verify.</source>
        <translation>%1 verwendet ein Zertifikat, das dieser Computer nicht überprüfen kann.</translation>
    </message>
    <message>
        <source>Natter did not connect and sent nothing to it. A certificate changes when the server&apos;s administrator replaces it, but also when someone intercepts the connection. Trust the new certificate only if the administrator confirms its fingerprint.</source>
        <translation>Natter hat keine Verbindung aufgebaut und nichts gesendet. Ein Zertifikat ändert sich, wenn die Administration des Servers es ersetzt, aber auch, wenn jemand die Verbindung abfängt. Vertrauen Sie dem neuen Zertifikat nur, wenn die Administration seinen Fingerabdruck bestätigt.</translation>
    </message>
    <message>
        <source>This is normal for a server on a local network that made its own certificate. Compare the fingerprint below with the one the server&apos;s administrator gives you (natter-server prints it when it makes the certificate). Nothing has been sent to the server yet.</source>
        <translation>Das ist normal für einen Server im lokalen Netz, der sein eigenes Zertifikat erstellt hat. Vergleichen Sie den Fingerabdruck unten mit dem, den Ihnen die Administration des Servers nennt (natter-server gibt ihn aus, wenn es das Zertifikat erstellt). Bisher wurde nichts an den Server gesendet.</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>Bisher vertraut:</translation>
    </message>
    <message>
        <source>Shown now:</source>
        <translation>Jetzt angezeigt:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Don&apos;t connect</source>
        <translation>Nicht verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Trusted before: %1</source>
        <translation>Bisher vertraut: %1</translation>
    </message>
    <message>
        <source>Shown now: %1</source>
        <translation>Jetzt angezeigt: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>Ausgestellt für: %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChannelService</name>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation>Der Server ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server refused (%1).</source>
        <translation>Der Server hat abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Natter nicht versteht.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatPanels</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Pinned messages</source>
        <translation>Angeheftete Nachrichten</translation>
    </message>
    <message>
        <source>⌕ Search</source>
        <translation>⌕ Suche</translation>
    </message>
    <message>
        <source>Search all channels (Ctrl+F)</source>
        <translation>Alle Kanäle durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Pins</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Pinned messages of this channel</source>
        <translation>Angeheftete Nachrichten dieses Kanals</translation>
    </message>
    <message>
        <source>Members of this channel</source>
        <translation>Mitglieder dieses Kanals</translation>
    </message>
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatWidget</name>
    <message>
        <source>CHANNELS &amp; DIRECT MESSAGES</source>
        <translation>KANÄLE &amp; DIREKTNACHRICHTEN</translation>
    </message>
    <message>
        <source>+  New channel</source>
        <translation>+  Neuer Kanal</translation>
    </message>
    <message>
        <source>⌕  Browse channels</source>
        <translation>⌕  Kanäle durchsuchen</translation>
    </message>
    <message>
        <source>✉  New direct message</source>
        <translation>✉  Neue Direktnachricht</translation>
    </message>
    <message>
        <source>No channel yet</source>
        <translation>Noch kein Kanal</translation>
    </message>
    <message>
        <source>Create a channel or browse the public ones to start talking.</source>
        <translation>Erstellen Sie einen Kanal oder durchsuchen Sie die öffentlichen, um loszulegen.</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Offline – messages will be sent when you&apos;re back</source>
        <translation>Offline – Nachrichten werden gesendet, sobald Sie wieder verbunden sind</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Neuer Kanal</translation>
    </message>
    <message>
        <source>e.g. design-review</source>
        <translation>z. B. design-review</translation>
    </message>
    <message>
        <source>Private: only invited members can see it</source>
        <translation>Privat: nur eingeladene Mitglieder sehen ihn</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The channel could not be created: %1</source>
        <translation>Der Kanal konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Browse channels</source>
        <translation>Kanäle durchsuchen</translation>
    </message>
    <message>
        <source>Search public channels</source>
        <translation>Öffentliche Kanäle suchen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Join channel</source>
        <translation>Kanal beitreten</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>Beitreten nicht möglich: %1</translation>
    </message>
    <message>
        <source>New direct message</source>
        <translation>Neue Direktnachricht</translation>
    </message>
    <message>
        <source>Search people by username</source>
        <translation>Personen nach Benutzernamen suchen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Could not start it: %1</source>
        <translation>Konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>No messages with %1 yet.
Say hello below.</source>
        <translation>Noch keine Nachrichten mit %1.
Sagen Sie unten Hallo.</translation>
    </message>
    <message>
        <source>No messages in #%1 yet.
Be the first to write something below.</source>
        <translation>Noch keine Nachrichten in #%1.
Schreiben Sie unten als Erste oder Erster etwas.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Composer</name>
    <message>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>Add “%1” to the dictionary</source>
        <translation>„%1“ zum Wörterbuch hinzufügen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ComposerAttachments</name>
    <message>
        <source>Attach files (%1)</source>
        <translation>Dateien anhängen (%1)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Wait until the files have finished uploading, or remove them.</source>
        <translation>Warten Sie, bis die Dateien hochgeladen sind, oder entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ComposerLock</name>
    <message>
        <source>You are muted in this channel until %1</source>
        <translation>Sie sind in diesem Kanal bis %1 stummgeschaltet</translation>
    </message>
    <message>
        <source>This channel is read-only: only its owners and admins write here</source>
        <translation>Dieser Kanal ist schreibgeschützt: Nur seine Eigentümer und Admins schreiben hier</translation>
    </message>
</context>
<context>
    <name>Natter::Client::DBusNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::EmojiPicker</name>
    <message>
        <source>Search emoji by name</source>
        <translation>Emoji nach Namen suchen</translation>
    </message>
    <message>
        <source>🕘</source>
        <translation>🕘</translation>
    </message>
    <message>
        <source>Recently used and all</source>
        <translation>Zuletzt verwendet und alle</translation>
    </message>
</context>
<context>
    <name>Natter::Client::HostController</name>
    <message>
        <source>Could not host a server on this computer. %1</source>
        <translation>Auf diesem Computer konnte kein Server gestartet werden. %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Bildbetrachter</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Fit to the window (Ctrl+0)</source>
        <translation>In das Fenster einpassen (Strg+0)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Bild speichern</translation>
    </message>
</context>
<context>
    <name>Natter::Client::InlineEditor</name>
    <message>
        <source>Enter to save · Esc to cancel · Shift+Enter for a new line</source>
        <translation>Eingabetaste speichert · Esc bricht ab · Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>Natter::Client::InviteDialog</name>
    <message>
        <source>Invite people</source>
        <translation>Personen einladen</translation>
    </message>
    <message>
        <source>Link to send</source>
        <translation>Zu sendender Link</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>Send this link to the people you want to invite. They paste it into the server address when they create their account in Natter. It works %n times within 7 days.</source>
        <translation>
            <numerusform>Senden Sie diesen Link an die Personen, die Sie einladen möchten. Sie fügen ihn als Serveradresse ein, wenn sie ihr Konto in Natter anlegen. Er funktioniert %n-mal innerhalb von 7 Tagen.</numerusform>
            <numerusform>Senden Sie diesen Link an die Personen, die Sie einladen möchten. Sie fügen ihn als Serveradresse ein, wenn sie ihr Konto in Natter anlegen. Er funktioniert %n-mal innerhalb von 7 Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating a link…</source>
        <translation>Link wird erstellt …</translation>
    </message>
    <message>
        <source>Send people this server&apos;s address. They enter it when they create their account in Natter. If the server only accepts invited people, ask an administrator for an invite link.</source>
        <translation>Senden Sie den Personen die Adresse dieses Servers. Sie geben sie ein, wenn sie ihr Konto in Natter anlegen. Nimmt der Server nur eingeladene Personen auf, bitten Sie die Administration um einen Einladungslink.</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gültig bis %1.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::InviteModel</name>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 von %n</numerusform>
            <numerusform>%1 von %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>Natter::Client::InvitesTab</name>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Number of uses</source>
        <translation>Anzahl der Verwendungen</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Läuft ab nach</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tagen</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tagen</translation>
    </message>
    <message>
        <source>Create invite link</source>
        <translation>Einladungslink erstellen</translation>
    </message>
    <message>
        <source>Invite link</source>
        <translation>Einladungslink</translation>
    </message>
    <message>
        <source>The new link appears here</source>
        <translation>Hier erscheint der neue Link</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Invites still usable</source>
        <translation>Noch gültige Einladungen</translation>
    </message>
    <message>
        <source>Uses:</source>
        <translation>Verwendungen:</translation>
    </message>
    <message>
        <source>Expires after:</source>
        <translation>Läuft ab nach:</translation>
    </message>
    <message>
        <source>Teammates paste the link into the server address of Natter&apos;s sign-in screen and create their account. On an invite-only server nobody can join without one.</source>
        <translation>Teammitglieder fügen den Link als Serveradresse in Natters Anmeldebildschirm ein und legen ihr Konto an. Auf einem Server nur mit Einladung kann ohne Link niemand beitreten.</translation>
    </message>
    <message>
        <source>Invites still usable:</source>
        <translation>Noch gültige Einladungen:</translation>
    </message>
    <message>
        <source>Copied the link.</source>
        <translation>Link kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>Invite created: %n use, until %1.</source>
        <translation>
            <numerusform>Einladung erstellt: %n Verwendung, bis %1.</numerusform>
            <numerusform>Einladung erstellt: %n Verwendungen, bis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invite created: %n uses, until %1.</source>
        <translation>
            <numerusform>Einladung erstellt: %n Verwendung, bis %1.</numerusform>
            <numerusform>Einladung erstellt: %n Verwendungen, bis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The invite was revoked: its link no longer works.</source>
        <translation>Die Einladung wurde widerrufen: Ihr Link funktioniert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::LocalServer</name>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation>Der Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The Natter server program (natter-server) was not found next to the app.</source>
        <translation>Das Natter-Serverprogramm (natter-server) wurde neben der App nicht gefunden.</translation>
    </message>
    <message>
        <source>The Natter server program was not found at %1.</source>
        <translation>Das Natter-Serverprogramm wurde unter %1 nicht gefunden.</translation>
    </message>
    <message>
        <source>Cannot create the server&apos;s data folder %1.</source>
        <translation>Der Datenordner des Servers %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The server could not be started: %1</source>
        <translation>Der Server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The server stopped while starting.</source>
        <translation>Der Server wurde beim Starten beendet.</translation>
    </message>
    <message>
        <source>The server stopped while starting:
%1</source>
        <translation>Der Server wurde beim Starten beendet:
%1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Natter (%1)</source>
        <translation>Natter (%1)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>No system keychain is available: you stay signed in until Natter is closed, and nothing is saved to disk.</source>
        <translation>Kein Systemschlüsselbund verfügbar: Sie bleiben angemeldet, bis Natter geschlossen wird, und nichts wird auf der Festplatte gespeichert.</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MediaLoader</name>
    <message>
        <source>Cannot write “%1”.</source>
        <translation>„%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Herunterladen abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberActionMenu</name>
    <message>
        <source>Send a direct message</source>
        <translation>Direktnachricht senden</translation>
    </message>
    <message>
        <source>Make channel admin</source>
        <translation>Zum Kanal-Admin machen</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Admin-Rechte entziehen</translation>
    </message>
    <message>
        <source>Unmute (muted until %1)</source>
        <translation>Stummschaltung aufheben (stumm bis %1)</translation>
    </message>
    <message>
        <source>Mute for longer</source>
        <translation>Länger stummschalten</translation>
    </message>
    <message>
        <source>Mute in this channel</source>
        <translation>In diesem Kanal stummschalten</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigene Dauer …</translation>
    </message>
    <message>
        <source>Remove from channel…</source>
        <translation>Aus dem Kanal entfernen …</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberDelegate</name>
    <message>
        <source> · deactivated</source>
        <translation> · deaktiviert</translation>
    </message>
    <message>
        <source> · muted until %1</source>
        <translation> · stumm bis %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberListModel</name>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>%1 (@%2) is online</source>
        <translation>%1 (@%2) ist online</translation>
    </message>
    <message>
        <source>%1 (@%2) is away</source>
        <translation>%1 (@%2) ist abwesend</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberModeration</name>
    <message>
        <source>Read-only channel</source>
        <translation>Schreibgeschützter Kanal</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Mute for how many minutes?</source>
        <translation>Für wie viele Minuten stummschalten?</translation>
    </message>
    <message>
        <source>Only owners and admins can write here now.</source>
        <translation>Hier können jetzt nur noch Eigentümer und Admins schreiben.</translation>
    </message>
    <message>
        <source>Everyone can write here again.</source>
        <translation>Hier können wieder alle schreiben.</translation>
    </message>
    <message>
        <source>%1 is now an admin of this channel.</source>
        <translation>%1 ist jetzt Admin dieses Kanals.</translation>
    </message>
    <message>
        <source>%1 is no longer an admin of this channel.</source>
        <translation>%1 ist nicht mehr Admin dieses Kanals.</translation>
    </message>
    <message>
        <source>%1 can write here again.</source>
        <translation>%1 kann hier wieder schreiben.</translation>
    </message>
    <message>
        <source>%1 is muted in this channel until %2.</source>
        <translation>%1 ist in diesem Kanal bis %2 stummgeschaltet.</translation>
    </message>
    <message>
        <source>Remove from channel</source>
        <translation>Aus dem Kanal entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from #%2? They can join again if the channel is public.</source>
        <translation>%1 aus #%2 entfernen? Ist der Kanal öffentlich, kann die Person wieder beitreten.</translation>
    </message>
    <message>
        <source>%1 was removed from the channel.</source>
        <translation>%1 wurde aus dem Kanal entfernt.</translation>
    </message>
    <message>
        <source>Read-only (announcements)</source>
        <translation>Schreibgeschützt (Ankündigungen)</translation>
    </message>
    <message>
        <source>Only the channel&apos;s owners and admins can write in a read-only channel.</source>
        <translation>In einem schreibgeschützten Kanal können nur seine Eigentümer und Admins schreiben.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MembersPanel</name>
    <message>
        <source>+  Add people…</source>
        <translation>+  Personen hinzufügen …</translation>
    </message>
    <message>
        <source>✎  Edit topic…</source>
        <translation>✎  Thema bearbeiten …</translation>
    </message>
    <message>
        <source>⎋  Leave channel</source>
        <translation>⎋  Kanal verlassen</translation>
    </message>
    <message>
        <source>Mute notifications from this channel</source>
        <translation>Benachrichtigungen aus diesem Kanal stummschalten</translation>
    </message>
    <message>
        <source>⌕  Browse public channels…</source>
        <translation>⌕  Öffentliche Kanäle durchsuchen …</translation>
    </message>
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading members…</source>
        <translation>Mitglieder werden geladen …</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Personen hinzufügen</translation>
    </message>
    <message>
        <source>Search people by username</source>
        <translation>Personen nach Benutzernamen suchen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Edit topic</source>
        <translation>Thema bearbeiten</translation>
    </message>
    <message>
        <source>Topic of #%1</source>
        <translation>Thema von #%1</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Kanal verlassen</translation>
    </message>
    <message>
        <source>Leave #%1? You can join again if it is public; a private channel needs an invitation.</source>
        <translation>#%1 verlassen? Einem öffentlichen Kanal können Sie wieder beitreten; für einen privaten brauchen Sie eine Einladung.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActionController</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message by %1 for everyone? This cannot be undone.</source>
        <translation>Diese Nachricht von %1 für alle löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Diese Nachricht für alle löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Copied the text.</source>
        <translation>Text kopiert.</translation>
    </message>
    <message>
        <source>Copied the link to the message.</source>
        <translation>Link zur Nachricht kopiert.</translation>
    </message>
    <message>
        <source>Thank you. The administrators will look at your report and tell you what they decided.</source>
        <translation>Danke. Die Administration sieht sich Ihre Meldung an und teilt Ihnen die Entscheidung mit.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActionMenu</name>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Reaktion hinzufügen …</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Unpin from channel</source>
        <translation>Im Kanal nicht mehr anheften</translation>
    </message>
    <message>
        <source>Pin to channel</source>
        <translation>Im Kanal anheften</translation>
    </message>
    <message>
        <source>Copy link to message</source>
        <translation>Link zur Nachricht kopieren</translation>
    </message>
    <message>
        <source>Delete message…</source>
        <translation>Nachricht löschen …</translation>
    </message>
    <message>
        <source>Report message…</source>
        <translation>Nachricht melden …</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActions</name>
    <message>
        <source>The connection dropped before the server answered; check whether it was applied.</source>
        <translation>Die Verbindung brach ab, bevor der Server antwortete; prüfen Sie, ob die Änderung übernommen wurde.</translation>
    </message>
    <message>
        <source>That reaction cannot be sent: %1</source>
        <translation>Diese Reaktion kann nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Too many changes at once; wait a moment and try again.</source>
        <translation>Zu viele Änderungen auf einmal; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time; check whether it was applied.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; prüfen Sie, ob die Änderung übernommen wurde.</translation>
    </message>
    <message>
        <source>You&apos;re offline. Nothing was changed; try again when you&apos;re back.</source>
        <translation>Sie sind offline. Nichts wurde geändert; versuchen Sie es erneut, sobald Sie wieder verbunden sind.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation>Hier beginnt die Unterhaltung.</translation>
    </message>
    <message>
        <source>Everything written here since the channel was created is below.</source>
        <translation>Alles, was hier seit dem Anlegen des Kanals geschrieben wurde, steht darunter.</translation>
    </message>
    <message>
        <source>📌 Pinned</source>
        <translation>📌 Angeheftet</translation>
    </message>
    <message>
        <source>Not sent. Click to retry.</source>
        <translation>Nicht gesendet. Zum Wiederholen klicken.</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet …</translation>
    </message>
    <message>
        <source>+☺</source>
        <translation>+☺</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageHoverBar</name>
    <message>
        <source>☺+</source>
        <translation>☺+</translation>
    </message>
    <message>
        <source>Add reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
    <message>
        <source>💬</source>
        <translation>💬</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>✎</source>
        <translation>✎</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>⋯</source>
        <translation>⋯</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageListModel</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation>
            <numerusform>%n Datei: %1</numerusform>
            <numerusform>%n Dateien: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n time(s)</source>
        <translation>
            <numerusform>%1 %n-mal</numerusform>
            <numerusform>%1 %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>Reactions: %1</source>
        <translation>Reaktionen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) in the thread</source>
        <translation>
            <numerusform>%n Antwort im Thread</numerusform>
            <numerusform>%n Antworten im Thread</numerusform>
        </translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>%1 (deactivated)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageMarks</name>
    <message>
        <source>Sent, not read yet</source>
        <translation>Gesendet, noch nicht gelesen</translation>
    </message>
    <message>
        <source>Read by %1</source>
        <translation>Gelesen von %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageMarksPainter</name>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message numerus="yes">
        <source>✓ Read by %n</source>
        <translation>
            <numerusform>✓ Gelesen von %n</numerusform>
            <numerusform>✓ Gelesen von %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageTextSelector</name>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageView</name>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>Loading earlier messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n people reacted with %1</source>
        <translation>
            <numerusform>%n Person hat mit %1 reagiert</numerusform>
            <numerusform>%n Personen haben mit %1 reagiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others reacted with %2</source>
        <translation>
            <numerusform>%1 und %n weitere Person haben mit %2 reagiert</numerusform>
            <numerusform>%1 und %n weitere Personen haben mit %2 reagiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 hat mit %2 reagiert</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>%1 and %2 reacted with %3</source>
        <translation>%1 und %2 haben mit %3 reagiert</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Moderation</name>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation>Der Server ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>The server refused (%1).</source>
        <translation>Der Server hat abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Natter nicht versteht.</translation>
    </message>
    <message>
        <source>Thank you: the message you reported was deleted.</source>
        <translation>Danke: Die von Ihnen gemeldete Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>Thank you: the author of the message you reported was muted in that channel.</source>
        <translation>Danke: Die Person, deren Nachricht Sie gemeldet haben, wurde in diesem Kanal stummgeschaltet.</translation>
    </message>
    <message>
        <source>Thank you: the account of the author you reported was deactivated.</source>
        <translation>Danke: Das Konto der gemeldeten Person wurde deaktiviert.</translation>
    </message>
    <message>
        <source>Your report was reviewed; no action was taken.</source>
        <translation>Ihre Meldung wurde geprüft; es wurde nichts unternommen.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::PickerDialog</name>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::PinsPanel</name>
    <message>
        <source>Loading pinned messages…</source>
        <translation>Angeheftete Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>Could not load the pins: %1</source>
        <translation>Die angehefteten Nachrichten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No pinned messages in this channel yet.</source>
        <translation>In diesem Kanal ist noch keine Nachricht angeheftet.</translation>
    </message>
    <message numerus="yes">
        <source>%n pinned message</source>
        <translation>
            <numerusform>%n angeheftete Nachricht</numerusform>
            <numerusform>%n angeheftete Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned messages</source>
        <translation>
            <numerusform>%n angeheftete Nachricht</numerusform>
            <numerusform>%n angeheftete Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::QuickSwitcher</name>
    <message>
        <source>Jump to…</source>
        <translation>Springen zu …</translation>
    </message>
    <message>
        <source>Jump to a channel or person</source>
        <translation>Zu einem Kanal oder einer Person springen</translation>
    </message>
    <message>
        <source>%1  (@%2) · new direct message</source>
        <translation>%1  (@%2) · neue Direktnachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::ReadReceipts</name>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Read by %1</source>
        <translation>Gelesen von %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ReportDialog</name>
    <message>
        <source>Report message</source>
        <translation>Nachricht melden</translation>
    </message>
    <message>
        <source>Tell the server&apos;s administrators why this message by %1 breaks the rules. They decide what happens, and you are told the outcome.</source>
        <translation>Teilen Sie der Administration des Servers mit, warum diese Nachricht von %1 gegen die Regeln verstößt. Sie entscheidet, was geschieht, und Sie erfahren das Ergebnis.</translation>
    </message>
    <message>
        <source>Kind of problem</source>
        <translation>Art des Problems</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam oder Werbung</translation>
    </message>
    <message>
        <source>Harassment or insults</source>
        <translation>Belästigung oder Beleidigung</translation>
    </message>
    <message>
        <source>Inappropriate content</source>
        <translation>Unangemessener Inhalt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details (optional, required for “Other”)</source>
        <translation>Details (optional, bei „Sonstiges“ erforderlich)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ReportModel</name>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>Author muted</source>
        <translation>Person stummgeschaltet</translation>
    </message>
    <message>
        <source>Author deactivated</source>
        <translation>Person deaktiviert</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1 (deactivated)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(nicht verfügbar)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasst von</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ReportsTab</name>
    <message numerus="yes">
        <source>%n open report</source>
        <translation>
            <numerusform>%n offene Meldung</numerusform>
            <numerusform>%n offene Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open reports</source>
        <translation>
            <numerusform>%n offene Meldung</numerusform>
            <numerusform>%n offene Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Mute author</source>
        <translation>Person stummschalten</translation>
    </message>
    <message>
        <source>Deactivate author</source>
        <translation>Person deaktivieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Load older reports</source>
        <translation>Ältere Meldungen laden</translation>
    </message>
    <message>
        <source>Which reports</source>
        <translation>Welche Meldungen</translation>
    </message>
    <message>
        <source>Open reports</source>
        <translation>Offene Meldungen</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Grund der Entscheidung</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the audit log)</source>
        <translation>Grund (optional, wird im Prüfprotokoll festgehalten)</translation>
    </message>
    <message>
        <source>Mute for</source>
        <translation>Stummschalten für</translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation>für 1 Stunde</translation>
    </message>
    <message>
        <source>for 8 hours</source>
        <translation>für 8 Stunden</translation>
    </message>
    <message>
        <source>for 24 hours</source>
        <translation>für 24 Stunden</translation>
    </message>
    <message>
        <source>for 7 days</source>
        <translation>für 7 Tage</translation>
    </message>
    <message>
        <source>Deactivate the account of %1? They are signed out everywhere at once.</source>
        <translation>Das Konto von %1 deaktivieren? Die Person wird sofort überall abgemeldet.</translation>
    </message>
    <message>
        <source>Report resolved: %1. The reporter has been told.</source>
        <translation>Meldung bearbeitet: %1. Die meldende Person wurde informiert.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchPanel</name>
    <message>
        <source>Search all channels</source>
        <translation>Alle Kanäle durchsuchen</translation>
    </message>
    <message>
        <source>Type words and press Enter. Results come from every channel you are in.</source>
        <translation>Geben Sie Wörter ein und drücken Sie die Eingabetaste. Die Ergebnisse kommen aus allen Kanälen, in denen Sie sind.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation>Keine Nachricht passt zu „%1“.</translation>
    </message>
    <message>
        <source>Newest first; scroll for more.</source>
        <translation>Neueste zuerst; für mehr weiterscrollen.</translation>
    </message>
    <message numerus="yes">
        <source>%n result</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::Session</name>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation>Der Server ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Natter nicht versteht.</translation>
    </message>
    <message>
        <source>The server refused (%1).</source>
        <translation>Der Server hat abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Could not load channels.</source>
        <translation>Die Kanäle konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not search people.</source>
        <translation>Die Personensuche ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages and mentions</source>
        <translation>Bei neuen Nachrichten und Erwähnungen eine Desktop-Benachrichtigung zeigen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Check spelling while typing</source>
        <translation>Rechtschreibung beim Schreiben prüfen</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>Spelling dictionary</source>
        <translation>Wörterbuch für die Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest size of the image cache</source>
        <translation>Höchstgröße des Bildzwischenspeichers</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the image cache</source>
        <translation>Bildzwischenspeicher leeren</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Rechtschreibung</translation>
    </message>
    <message>
        <source>Dictionary:</source>
        <translation>Wörterbuch:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Download folder:</source>
        <translation>Download-Ordner:</translation>
    </message>
    <message>
        <source>Image cache:</source>
        <translation>Bildzwischenspeicher:</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 belegt</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Edit your last message (empty composer)</source>
        <translation>Eigene letzte Nachricht bearbeiten (leeres Eingabefeld)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Paste an image or file</source>
        <translation>Bild oder Datei einfügen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Select the previous or next message</source>
        <translation>Vorige oder nächste Nachricht auswählen</translation>
    </message>
    <message>
        <source>Edit the selected message</source>
        <translation>Ausgewählte Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>React to the selected message</source>
        <translation>Auf die ausgewählte Nachricht reagieren</translation>
    </message>
    <message>
        <source>Open the thread of the selected message</source>
        <translation>Thread der ausgewählten Nachricht öffnen</translation>
    </message>
    <message>
        <source>Delete the selected message</source>
        <translation>Ausgewählte Nachricht löschen</translation>
    </message>
    <message>
        <source>Open the message menu</source>
        <translation>Menü der Nachricht öffnen</translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation>Menütaste</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Bildbetrachter</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>In das Fenster einpassen</translation>
    </message>
    <message>
        <source>Save the image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>This overview</source>
        <translation>Diese Übersicht</translation>
    </message>
    <message>
        <source>Channels and panels</source>
        <translation>Kanäle und Seitenleisten</translation>
    </message>
    <message>
        <source>Switch to a channel or person</source>
        <translation>Zu einem Kanal oder einer Person wechseln</translation>
    </message>
    <message>
        <source>Open the channel above or below</source>
        <translation>Den Kanal darüber oder darunter öffnen</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation>Mitglieder zeigen</translation>
    </message>
    <message>
        <source>Close the side panel</source>
        <translation>Seitenleiste schließen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SidePanel</name>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignInWidget</name>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Create a new account on this server</source>
        <translation>Ein neues Konto auf diesem Server anlegen</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>Einen Server auf diesem Computer betreiben</translation>
    </message>
    <message>
        <source>Join your team on Natter</source>
        <translation>Treffen Sie Ihr Team auf Natter</translation>
    </message>
    <message>
        <source>Start a Natter server on this computer, with its data in this profile, and create the first account on it.</source>
        <translation>Einen Natter-Server auf diesem Computer starten, mit seinen Daten in diesem Profil, und darauf das erste Konto anlegen.</translation>
    </message>
    <message>
        <source>chat.example.com:%1</source>
        <translation>chat.example.com:%1</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>How others see you (optional)</source>
        <translation>Wie andere Sie sehen (optional)</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in with the account your team gave you, or create one.</source>
        <translation>Melden Sie sich mit dem Konto an, das Ihr Team Ihnen gegeben hat, oder legen Sie eines an.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Konto wird angelegt …</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>Server wird gestartet …</translation>
    </message>
    <message>
        <source>Only this computer can join (%1).</source>
        <translation>Nur dieser Computer kann beitreten (%1).</translation>
    </message>
    <message>
        <source>Teammates enter one of these server addresses:</source>
        <translation>Teammitglieder geben eine dieser Serveradressen ein:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Neues Passwort wählen</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new one to continue.</source>
        <translation>Ein Administrator hat Ihr Passwort zurückgesetzt. Wählen Sie ein neues, um fortzufahren.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation>
            <numerusform>Mindestens %n Zeichen</numerusform>
            <numerusform>Mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel and sign in again</source>
        <translation>Abbrechen und erneut anmelden</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Passwort festlegen und anmelden</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Passwort wird festgelegt…</translation>
    </message>
    <message numerus="yes">
        <source>The new password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>Das neue Passwort ist zu kurz: Verwenden Sie mindestens %n Zeichen.</numerusform>
            <numerusform>Das neue Passwort ist zu kurz: Verwenden Sie mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Close the thread (Esc)</source>
        <translation>Thread schließen (Esc)</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Antworten …</translation>
    </message>
    <message>
        <source>Thread · #%1</source>
        <translation>Thread · #%1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrayNotifier</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread</source>
        <translation>
            <numerusform>Natter: %n ungelesen</numerusform>
            <numerusform>Natter: %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::TypingTracker</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message numerus="yes">
        <source>Several people are typing…</source>
        <comment>3 or more typers</comment>
        <translation>
            <numerusform>Mehrere Personen schreiben …</numerusform>
            <numerusform>Mehrere Personen schreiben …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::Upload</name>
    <message>
        <source>Upload of “%1” cancelled.</source>
        <translation>Hochladen von „%1“ abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::UploadClient</name>
    <message>
        <source>Cannot read “%1”.</source>
        <translation>„%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation>„%1“ ist leer.</translation>
    </message>
    <message>
        <source>“%1” is %2; the server accepts files up to %3.</source>
        <translation>„%1“ ist %2 groß; der Server nimmt Dateien bis %3 an.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload could not be read.</source>
        <translation>Die Antwort des Servers auf das Hochladen konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is %2, more than the server accepts.</source>
        <translation>„%1“ ist %2 groß, mehr als der Server annimmt.</translation>
    </message>
    <message>
        <source>Cannot reach the server to upload “%1”: %2</source>
        <translation>Der Server ist zum Hochladen von „%1“ nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The server refused “%1” (HTTP %2).</source>
        <translation>Der Server hat „%1“ abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>The server refused “%1”: %2</source>
        <translation>Der Server hat „%1“ abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>Natter::Client::UsersTab</name>
    <message>
        <source>Make administrator</source>
        <translation>Zum Administrator machen</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deaktivieren …</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen …</translation>
    </message>
    <message>
        <source>Search by username or name</source>
        <translation>Nach Benutzername oder Name suchen</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Konten durchsuchen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Zum Mitglied machen</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <source>%1 is no longer a server administrator.</source>
        <translation>%1 ist kein Serveradministrator mehr.</translation>
    </message>
    <message>
        <source>%1 is now a server administrator.</source>
        <translation>%1 ist jetzt Serveradministrator.</translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere at once and cannot sign in until reactivated. Their messages stay.
Reason (kept in the audit log):</source>
        <translation>%1 wird sofort überall abgemeldet und kann sich bis zur Reaktivierung nicht anmelden. Die Nachrichten bleiben erhalten.
Grund (wird im Prüfprotokoll festgehalten):</translation>
    </message>
    <message>
        <source>%1 was deactivated and signed out.</source>
        <translation>%1 wurde deaktiviert und abgemeldet.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the password of %1? They are signed out everywhere and sign in once with a temporary password, then choose a new one.</source>
        <translation>Das Passwort von %1 zurücksetzen? Die Person wird überall abgemeldet, meldet sich einmal mit einem vorläufigen Passwort an und wählt dann ein neues.</translation>
    </message>
    <message>
        <source>Temporary password for %1: %2 — give it to them; they choose a new one when they sign in.</source>
        <translation>Vorläufiges Passwort für %1: %2 – geben Sie es weiter; beim Anmelden wird ein neues gewählt.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::WelcomeWidget</name>
    <message>
        <source>There are no channels here yet. A channel is where a team talks about one thing: start with one for everybody, such as #general.</source>
        <translation>Hier gibt es noch keine Kanäle. In einem Kanal spricht ein Team über ein Thema: Beginnen Sie mit einem für alle, etwa #general.</translation>
    </message>
    <message>
        <source>Create a channel</source>
        <translation>Einen Kanal erstellen</translation>
    </message>
    <message>
        <source>Browse public channels</source>
        <translation>Öffentliche Kanäle durchsuchen</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Welcome to Natter, %1!</source>
        <translation>Willkommen bei Natter, %1!</translation>
    </message>
    <message>
        <source>To invite people, send them this server&apos;s address. They open Natter, enter it on the sign-in screen and create an account:
%1</source>
        <translation>Um Personen einzuladen, senden Sie ihnen die Adresse dieses Servers. Sie öffnen Natter, geben sie auf dem Anmeldebildschirm ein und legen ein Konto an:
%1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Host a server on this computer</source>
        <translation>Einen Server auf diesem Computer betreiben</translation>
    </message>
    <message>
        <source>Who may join the server on this computer?</source>
        <translation>Wer darf dem Server auf diesem Computer beitreten?</translation>
    </message>
    <message>
        <source>Teammates on your network connect to this computer&apos;s address. Choose &quot;Only this computer&quot; to try Natter on your own.</source>
        <translation>Teammitglieder in Ihrem Netzwerk verbinden sich mit der Adresse dieses Computers. Wählen Sie „Nur dieser Computer“, um Natter allein auszuprobieren.</translation>
    </message>
    <message>
        <source>Teammates on the network</source>
        <translation>Teammitglieder im Netzwerk</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Keep serving your team?</source>
        <translation>Weiter für Ihr Team bereitstellen?</translation>
    </message>
    <message>
        <source>This computer hosts your team&apos;s Natter server.</source>
        <translation>Dieser Computer betreibt den Natter-Server Ihres Teams.</translation>
    </message>
    <message numerus="yes">
        <source>%n teammate(s) are connected. Keep the server running after Natter closes, so they can go on chatting?</source>
        <translation>
            <numerusform>%n Teammitglied ist verbunden. Den Server nach dem Schließen von Natter weiterlaufen lassen, damit es weiter chatten kann?</numerusform>
            <numerusform>%n Teammitglieder sind verbunden. Den Server nach dem Schließen von Natter weiterlaufen lassen, damit sie weiter chatten können?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the server running after Natter closes, so your team can go on chatting? Natter finds it again when you next open it.</source>
        <translation>Den Server nach dem Schließen von Natter weiterlaufen lassen, damit Ihr Team weiter chatten kann? Natter findet ihn beim nächsten Öffnen wieder.</translation>
    </message>
    <message>
        <source>Keep serving</source>
        <translation>Weiter bereitstellen</translation>
    </message>
    <message>
        <source>Stop the server</source>
        <translation>Server beenden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter team chat</source>
        <translation>Natter-Teamchat</translation>
    </message>
    <message>
        <source>Server to join.</source>
        <translation>Server, dem beigetreten wird.</translation>
    </message>
    <message>
        <source>Profile: separate settings, cache and keychain entry.</source>
        <translation>Profil: eigene Einstellungen, eigener Zwischenspeicher und Schlüsselbundeintrag.</translation>
    </message>
    <message>
        <source>Sign in as NAME with the password from $NATTER_PASSWORD (for scripts).</source>
        <translation>Als NAME mit dem Passwort aus $NATTER_PASSWORD anmelden (für Skripte).</translation>
    </message>
</context>
</TS>
