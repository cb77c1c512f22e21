<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MessageDelegate</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::Account</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::AdminEntry</name>
    <message numerus="yes">
        <source>⚑ %n open reports</source>
        <translation>
            <numerusform>⚑ %n open report</numerusform>
            <numerusform>⚑ %n open reports</numerusform>
        </translation>
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
    <name>Natter::Client::ChatPanels</name>
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::InviteDialog</name>
    <message numerus="yes">
        <source>Send this link to the people you want to invite. They paste it into the server address when they create their account in Natter. It works %n times within 7 days.</source>
        <translation>
            <numerusform>Send this link to the people you want to invite. They paste it into the server address when they create their account in Natter. It works once within 7 days.</numerusform>
            <numerusform>Send this link to the people you want to invite. They paste it into the server address when they create their account in Natter. It works %n times within 7 days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::InviteModel</name>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::InvitesTab</name>
    <message numerus="yes">
        <source>Invite created: %n use, until %1.</source>
        <translation>
            <numerusform>Invite created: %n use, until %1.</numerusform>
            <numerusform>Invite created: %n uses, until %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invite created: %n uses, until %1.</source>
        <translation>
            <numerusform>Invite created: %n use, until %1.</numerusform>
            <numerusform>Invite created: %n uses, until %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MembersPanel</name>
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageListModel</name>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation>
            <numerusform>%n file: %1</numerusform>
            <numerusform>%n files: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n time(s)</source>
        <translation>
            <numerusform>%1 %n time</numerusform>
            <numerusform>%1 %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) in the thread</source>
        <translation>
            <numerusform>%n reply in the thread</numerusform>
            <numerusform>%n replies in the thread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageMarksPainter</name>
    <message numerus="yes">
        <source>✓ Read by %n</source>
        <translation>
            <numerusform>✓ Read by %n</numerusform>
            <numerusform>✓ Read by %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageView</name>
    <message numerus="yes">
        <source>%n people reacted with %1</source>
        <translation>
            <numerusform>%n person reacted with %1</numerusform>
            <numerusform>%n people reacted with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others reacted with %2</source>
        <translation>
            <numerusform>%1 and %n other reacted with %2</numerusform>
            <numerusform>%1 and %n others reacted with %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::PinsPanel</name>
    <message numerus="yes">
        <source>%n pinned message</source>
        <translation>
            <numerusform>%n pinned message</numerusform>
            <numerusform>%n pinned messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned messages</source>
        <translation>
            <numerusform>%n pinned message</numerusform>
            <numerusform>%n pinned messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::QuickSwitcher</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::ReportsTab</name>
    <message numerus="yes">
        <source>%n open report</source>
        <translation>
            <numerusform>%n open report</numerusform>
            <numerusform>%n open reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open reports</source>
        <translation>
            <numerusform>%n open report</numerusform>
            <numerusform>%n open reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchPanel</name>
    <message numerus="yes">
        <source>%n result</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignInWidget</name>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>The new password is too short: use at least %n character.</numerusform>
            <numerusform>The new password is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrayNotifier</name>
    <message numerus="yes">
        <source>Natter: %n unread</source>
        <translation>
            <numerusform>Natter: %n unread</numerusform>
            <numerusform>Natter: %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::TypingTracker</name>
    <message numerus="yes">
        <source>Several people are typing…</source>
        <comment>3 or more typers</comment>
        <translation>
            <numerusform>Several people are typing…</numerusform>
            <numerusform>Several people are typing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n teammate(s) are connected. Keep the server running after Natter closes, so they can go on chatting?</source>
        <translation>
            <numerusform>%n teammate is connected. Keep the server running after Natter closes, so they can go on chatting?</numerusform>
            <numerusform>%n teammates are connected. Keep the server running after Natter closes, so they can go on chatting?</numerusform>
        </translation>
    </message>
</context>
</TS>
