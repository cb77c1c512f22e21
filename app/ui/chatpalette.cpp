#include "chatpalette.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyleFactory>
#include <QWidget>

namespace Natter::Client {

namespace {
const char TemplateProperty[] = "natterStyleTemplate";
}

ChatPalette ChatPalette::light()
{
    ChatPalette p;
    p.dark = false;
    p.window = QColor(0xf9fafb);
    p.base = QColor(0xffffff);
    p.text = QColor(0x111827);
    p.muted = QColor(0x6b7280);
    p.faint = QColor(0x9ca3af);
    p.border = QColor(0xe5e7eb);
    p.accent = QColor(0x2563eb);
    p.accentDisabled = QColor(0x93c5fd);
    p.onAccent = QColor(0xffffff);
    p.link = QColor(0x2563eb);
    p.rowSelected = QColor(0xeef2ff);
    p.rowHover = QColor(0xf6f7f9);
    p.pinned = QColor(0xf59e0b);
    p.pinnedText = QColor(0xb45309);
    p.danger = QColor(0xdc2626);
    p.dangerBg = QColor(0xfef2f2);
    p.dangerBorder = QColor(0xfecaca);
    p.info = QColor(0x1e3a8a);
    p.infoBg = QColor(0xeff6ff);
    p.infoBorder = QColor(0xbfdbfe);
    p.card = QColor(0xf9fafb);
    p.cardStripe = QColor(0xd1d5db);
    p.cardText = QColor(0x374151);
    p.chip = QColor(0xf3f4f6);
    p.chipBorder = QColor(0xe5e7eb);
    p.chipText = QColor(0x374151);
    p.chipMe = QColor(0xdbeafe);
    p.chipMeBorder = QColor(0x2563eb);
    p.chipMeText = QColor(0x1d4ed8);
    p.code = QColor(0xf3f4f6);
    p.channelSelected = QColor(0xdbe4ff);
    p.channelHover = QColor(0xe9ebef);
    p.online = QColor(0x22c55e);
    p.offline = QColor(0x9ca3af);
    p.badge = QColor(0xdc2626);
    p.notice = QColor(0x1f2937);
    p.noticeText = QColor(0xffffff);
    p.scrollHandle = QColor(0xd1d5db);
    p.scrollHandleHover = QColor(0x9ca3af);
    p.progressTrack = QColor(0xe5e7eb);
    p.imagePlaceholder = QColor(0xe5e7eb);
    p.warning = QColor(0x92400e);
    p.warningBg = QColor(0xfef3c7);
    p.indigo = QColor(0x3730a3);
    p.indigoBg = QColor(0xe0e7ff);
    p.linkStrong = QColor(0x1d4ed8);
    p.accentHover = QColor(0x1d4ed8);
    p.mentionRow = QColor(0xfef3c7);
    p.highlightRow = QColor(0xfffbeb);
    p.highlightBar = QColor(0xeab308);
    p.shadow = QColor(0, 0, 0, 60);
    return p;
}

ChatPalette ChatPalette::darkPalette()
{
    ChatPalette p;
    p.dark = true;
    p.window = QColor(0x111318);
    p.base = QColor(0x1a1d23);
    p.text = QColor(0xe5e7eb);
    p.muted = QColor(0x9ca3af);
    p.faint = QColor(0x6b7280);
    p.border = QColor(0x2f343d);
    p.accent = QColor(0x3b82f6);
    p.accentDisabled = QColor(0x1e3a8a);
    p.onAccent = QColor(0xffffff);
    p.link = QColor(0x60a5fa);
    p.rowSelected = QColor(0x1e2640);
    p.rowHover = QColor(0x22262e);
    p.pinned = QColor(0xf59e0b);
    p.pinnedText = QColor(0xfbbf24);
    p.danger = QColor(0xf87171);
    p.dangerBg = QColor(0x3b1518);
    p.dangerBorder = QColor(0x7f1d1d);
    p.info = QColor(0xbfdbfe);
    p.infoBg = QColor(0x172036);
    p.infoBorder = QColor(0x1e3a8a);
    p.card = QColor(0x22262e);
    p.cardStripe = QColor(0x4b5563);
    p.cardText = QColor(0xd1d5db);
    p.chip = QColor(0x262a33);
    p.chipBorder = QColor(0x363b46);
    p.chipText = QColor(0xd1d5db);
    p.chipMe = QColor(0x1e3a8a);
    p.chipMeBorder = QColor(0x3b82f6);
    p.chipMeText = QColor(0xdbeafe);
    p.code = QColor(0x2a2f38);
    p.channelSelected = QColor(0x27324d);
    p.channelHover = QColor(0x23272f);
    p.online = QColor(0x22c55e);
    p.offline = QColor(0x6b7280);
    p.badge = QColor(0xef4444);
    p.notice = QColor(0xe5e7eb);
    p.noticeText = QColor(0x111827);
    p.scrollHandle = QColor(0x3f4652);
    p.scrollHandleHover = QColor(0x6b7280);
    p.progressTrack = QColor(0x2f343d);
    p.imagePlaceholder = QColor(0x2a2f38);
    p.warning = QColor(0xfbbf24);
    p.warningBg = QColor(0x3a2a0a);
    p.indigo = QColor(0xc7d2fe);
    p.indigoBg = QColor(0x252c4a);
    p.linkStrong = QColor(0x93c5fd);
    p.accentHover = QColor(0x2563eb);
    p.mentionRow = QColor(0x3a2f12);
    p.highlightRow = QColor(0x2c2614);
    p.highlightBar = QColor(0xeab308);
    p.shadow = QColor(0, 0, 0, 160);
    return p;
}

ChatPalette ChatPalette::of(const QPalette &palette)
{
    ChatPalette p = isDark(palette) ? darkPalette() : light();
    // Follow the palette where Qt's own widgets do, so custom painting matches them.
    p.base = palette.color(QPalette::Base);
    p.text = palette.color(QPalette::Text);
    return p;
}

ChatPalette ChatPalette::current()
{
    return of(QApplication::palette());
}

QColor ChatPalette::avatar(const QString &userId) const
{
    static const QRgb colours[] = { 0x3b82f6, 0x10b981, 0xf59e0b, 0xef4444, 0x8b5cf6, 0x14b8a6, 0xec4899, 0x6366f1 };
    quint32 h = 2166136261u;
    for (const QChar ch : userId)
        h = (h ^ ch.unicode()) * 16777619u;
    QColor c(colours[h % (sizeof(colours) / sizeof(colours[0]))]);
    return dark ? c.darker(115) : c;
}

QPalette ChatPalette::toQPalette() const
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, chip);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, chip);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, onAccent);
    p.setColor(QPalette::PlaceholderText, faint);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::Mid, border);
    p.setColor(QPalette::Midlight, chip);
    p.setColor(QPalette::Light, dark ? border.lighter(130) : base);
    p.setColor(QPalette::Dark, dark ? window.darker(130) : cardStripe);
    p.setColor(QPalette::Shadow, dark ? QColor(Qt::black) : faint);
    p.setColor(QPalette::BrightText, onAccent);
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, faint);
    return p;
}

QHash<QString, QColor> ChatPalette::tokens() const
{
    return {
        { u"window"_qs, window }, { u"base"_qs, base }, { u"text"_qs, text }, { u"muted"_qs, muted },
        { u"faint"_qs, faint }, { u"border"_qs, border }, { u"accent"_qs, accent },
        { u"accentDisabled"_qs, accentDisabled }, { u"onAccent"_qs, onAccent }, { u"link"_qs, link },
        { u"danger"_qs, danger }, { u"dangerBg"_qs, dangerBg }, { u"dangerBorder"_qs, dangerBorder },
        { u"info"_qs, info }, { u"infoBg"_qs, infoBg }, { u"infoBorder"_qs, infoBorder }, { u"chip"_qs, chip },
        { u"chipMe"_qs, chipMe }, { u"cardText"_qs, cardText }, { u"cardStripe"_qs, cardStripe },
        { u"notice"_qs, notice }, { u"noticeText"_qs, noticeText }, { u"scrollHandle"_qs, scrollHandle },
        { u"scrollHandleHover"_qs, scrollHandleHover }, { u"code"_qs, code }, { u"warning"_qs, warning },
        { u"warningBg"_qs, warningBg }, { u"indigo"_qs, indigo }, { u"indigoBg"_qs, indigoBg },
        { u"linkStrong"_qs, linkStrong }, { u"accentHover"_qs, accentHover }, { u"channelHover"_qs, channelHover },
        { u"chipMeText"_qs, chipMeText }, { u"progressTrack"_qs, progressTrack },
    };
}

QString ChatPalette::styleSheet(const QString &templ) const
{
    static const QRegularExpression token(u"@([A-Za-z]+)"_qs);
    const QHash<QString, QColor> names = tokens();
    QString out;
    qsizetype last = 0;
    for (auto it = token.globalMatch(templ); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(templ).mid(last, m.capturedStart() - last);
        const auto c = names.constFind(m.captured(1));
        out += c != names.cend() ? c->name() : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(templ).mid(last);
    return out;
}

void setThemedStyleSheet(QWidget *widget, const QString &templ)
{
    widget->setProperty(TemplateProperty, templ);
    widget->setStyleSheet(ChatPalette::current().styleSheet(templ));
}

void applyTheme(AppSettings::Theme theme, const QPalette &systemPalette)
{
    const bool dark = theme == AppSettings::Theme::Dark
        || (theme == AppSettings::Theme::System && ChatPalette::isDark(systemPalette));
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_qs));
    const ChatPalette colours = dark ? ChatPalette::darkPalette() : ChatPalette::light();
    QApplication::setPalette(colours.toQPalette());
    for (QWidget *w : QApplication::allWidgets()) {
        const QVariant templ = w->property(TemplateProperty);
        if (templ.isValid()) w->setStyleSheet(colours.styleSheet(templ.toString()));
        w->update();
    }
}

} // namespace Natter::Client
