#pragma once

#include "store/appsettings.h"

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QString>

class QApplication;
class QWidget;

namespace Natter::Client {

// Every colour Natter paints itself, light or dark, in one place. Delegates take it from the palette they
// paint with (ChatPalette::of(option.palette)); widgets styled with a style sheet write colour names as
// `@name` tokens (setThemedStyleSheet) and are restyled when the theme changes. No colour literal belongs
// anywhere else in app/ui.
struct ChatPalette
{
    bool dark = false;
    QColor window, base, text, muted, faint, border, accent, accentDisabled, onAccent, link;
    QColor rowSelected, rowHover, pinned, pinnedText, danger, dangerBg, dangerBorder, info, infoBg, infoBorder;
    QColor card, cardStripe, cardText, chip, chipBorder, chipText, chipMe, chipMeBorder, chipMeText, code;
    QColor channelSelected, channelHover, online, offline, badge, notice, noticeText, scrollHandle,
        scrollHandleHover, progressTrack, imagePlaceholder;
    QColor warning, warningBg, indigo, indigoBg, linkStrong, accentHover, mentionRow, highlightRow, highlightBar,
        shadow;

    static ChatPalette light();
    static ChatPalette darkPalette();
    // The colours that belong to PALETTE: dark when its text is light (Qt 6.4 has no
    // QStyleHints::colorScheme; the platform's palette is what the desktop chose). The text decides rather than
    // the window colour, which style sheets often make transparent.
    static ChatPalette of(const QPalette &palette);
    // Of the application's current palette.
    static ChatPalette current();
    static bool isDark(const QPalette &palette) { return palette.color(QPalette::Text).lightness() > 140; }

    // A person's avatar colour, the same on every run (FNV-1a of their id).
    QColor avatar(const QString &userId) const;
    // The QPalette the application uses with these colours (Fusion style).
    QPalette toQPalette() const;
    // TEMPLATE with each `@name` replaced by that colour (`@accent`, `@muted`, …).
    QString styleSheet(const QString &templ) const;
    QHash<QString, QColor> tokens() const;
};

// Sets WIDGET's style sheet from TEMPL (with `@name` colour tokens) and keeps the template, so that
// applyTheme() can restyle it.
void setThemedStyleSheet(QWidget *widget, const QString &templ);

// Applies THEME to the application: Fusion with Natter's light or dark palette; System follows the palette the
// platform gave at start-up (SYSTEMPALETTE). Restyles every widget set with setThemedStyleSheet().
void applyTheme(AppSettings::Theme theme, const QPalette &systemPalette);

} // namespace Natter::Client
