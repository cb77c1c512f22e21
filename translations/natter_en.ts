<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MessageDelegate</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation><numerusform>%n reply</numerusform><numerusform>%n replies</numerusform></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageListModel</name>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation><numerusform>%n file: %1</numerusform><numerusform>%n files: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 %n time(s)</source>
        <translation><numerusform>%1 %n time</numerusform><numerusform>%1 %n times</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) in the thread</source>
        <translation><numerusform>%n reply in the thread</numerusform><numerusform>%n replies in the thread</numerusform></translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageView</name>
    <message numerus="yes">
        <source>%n people reacted with %1</source>
        <translation><numerusform>%n person reacted with %1</numerusform><numerusform>%n people reacted with %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others reacted with %2</source>
        <translation><numerusform>%1 and %n other reacted with %2</numerusform><numerusform>%1 and %n others reacted with %2</numerusform></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n teammate(s) are connected. Keep the server running after Natter closes, so they can go on chatting?</source>
        <translation><numerusform>%n teammate is connected. Keep the server running after Natter closes, so they can go on chatting?</numerusform><numerusform>%n teammates are connected. Keep the server running after Natter closes, so they can go on chatting?</numerusform></translation>
    </message>
</context>
</TS>