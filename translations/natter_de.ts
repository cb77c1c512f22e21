<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MediaLoader</name>
    <message>
        <source>This file is not available: it was removed, or you may not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to see this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>1 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::Account</name>
    <message>
        <source>Enter the server&apos;s address, for example chat.example.com:%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered in a way Natter does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username “%1” is already taken. Choose another one, or sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these details: %1. Usernames are %2–%3 characters of a–z, 0–9, “_”, “.” and “-”; passwords at least %4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not look like a Natter server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (%1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatWidget</name>
    <message>
        <source>CHANNELS &amp; DIRECT MESSAGES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+  New channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌕  Browse channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✉  New direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No channel yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a channel or browse the public ones to start talking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline – messages will be sent when you&apos;re back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. design-review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private: only invited members can see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search public channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people by username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::Composer</name>
    <message>
        <source>Write a message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::EmojiPicker</name>
    <message>
        <source>Search emoji by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>🕘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently used and all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::F</name>
    <message>
        <source>You&apos;re offline. Nothing was changed; try again when you&apos;re back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::HostController</name>
    <message>
        <source>Could not host a server on this computer. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the window (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::InlineEditor</name>
    <message>
        <source>Enter to save · Esc to cancel · Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::LocalServer</name>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Natter server program (natter-server) was not found next to the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Natter server program was not found at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the server&apos;s data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped while starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped while starting:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: you stay signed in until Natter is closed, and nothing is saved to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not host a server on this computer. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Natter server is running on this computer at %1 until you quit Natter. Create the first account on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MediaLoader</name>
    <message>
        <source>Cannot write “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActionController</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message by %1 for everyone? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the link to the message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActionMenu</name>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin from channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link to message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageActions</name>
    <message>
        <source>The connection dropped before the server answered; check whether it was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That reaction cannot be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many changes at once; wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time; check whether it was applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything written here since the channel was created is below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>📌 Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent. Click to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+☺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageHoverBar</name>
    <message>
        <source>☺+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>💬</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageListModel</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) in the thread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageView</name>
    <message>
        <source>New messages ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading earlier messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people reacted with %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others reacted with %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::PickerDialog</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::Session</name>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer Natter does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not search people.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages and mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Natter starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check spelling while typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest size of the image cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the image cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dictionary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your last message (empty composer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an image or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous or next message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React to the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the thread of the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the message menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignInWidget</name>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new account on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join your team on Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a Natter server on this computer, with its data in this profile, and create the first account on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat.example.com:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How others see you (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the account your team gave you, or create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this computer can join (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teammates enter one of these server addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the thread (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread · #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::Upload</name>
    <message>
        <source>Upload of “%1” cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Client::UploadClient</name>
    <message>
        <source>Cannot read “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2; the server accepts files up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2, more than the server accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server to upload “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused “%1” (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Host a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may join the server on this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teammates on your network connect to this computer&apos;s address. Choose &quot;Only this computer&quot; to try Natter on your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teammates on the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep serving your team?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer hosts your team&apos;s Natter server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n teammate(s) are connected. Keep the server running after Natter closes, so they can go on chatting?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the server running after Natter closes, so your team can go on chatting? Natter finds it again when you next open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter team chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server to join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: separate settings, cache and keychain entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as NAME with the password from $NATTER_PASSWORD (for scripts).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
