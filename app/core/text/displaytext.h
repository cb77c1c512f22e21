#pragma once

#include <QString>

namespace Natter::Client::DisplayText {

// Combining marks kept after one base character when text is shown. Unicode's stream-safe format allows 30;
// real text needs a few.
inline constexpr int MaxCombiningMarks = 8;

// TEXT with at most MAXMARKS combining marks (Unicode categories Mn, Mc, Me) after each base character; the
// rest of a longer run is dropped. Text is shown, never sent, through this: a server (or another user) can
// pile thousands of marks on one letter ("Zalgo" text), which is slow to shape and is drawn far above and
// below its line, over other messages. Real scripts stack a few (Vietnamese 2, Hebrew and Indic up to about
// 4). Returns TEXT itself (shared, no copy) when nothing is over the limit.
QString limitCombiningMarks(const QString &text, int maxMarks);
QString limitCombiningMarks(const QString &text);

} // namespace Natter::Client::DisplayText
