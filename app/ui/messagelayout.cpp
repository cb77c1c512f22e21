#include "messagelayout.h"
#include "chatpalette.h"
#include "models/messagelistmodel.h"
#include "text/displaytext.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QRegularExpression>
#include <QTextCursor>
#include <QUrl>

namespace Natter::Client {

using namespace MessageMetrics;

namespace {
// Past this many cached rows the cache starts again. A window holds at most 500 messages; a laid-out rich
// message (its QTextDocument) costs about 20 KB, so the cache keeps the open channel and about one more:
// 1,500 entries kept three channels' documents and the app at 61 MB (natter-bench app-rich), 600 keep it
// within the 60 MB budget, at the price of laying a channel out again when the user comes back to it after two
// others.
constexpr int MaxEntries = 600;

bool startsBlock(const QString &line)
{
    static const QRegularExpression block(u"^\\s*([-*+>|#]|\\d+[.)]|```)"_qs);
    return block.match(line).hasMatch();
}
}

QString MessageLayoutCache::threadLabel(const QModelIndex &index, int replies)
{
    QString label = QApplication::translate("MessageDelegate", "%n replies", nullptr, replies);
    const QDateTime last = index.data(MessageListModel::LastReplyAtRole).toDateTime();
    if (last.isValid())
        label += u" · "_qs
            + QApplication::translate("MessageDelegate", "last %1")
                  .arg(QLocale().toString(last.toLocalTime().time(), u"HH:mm"_qs));
    return label;
}

QFont MessageLayoutCache::bodyFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 1.05);
    return f;
}

QFont MessageLayoutCache::headerFont()
{
    QFont f = bodyFont();
    f.setBold(true);
    return f;
}

QFont MessageLayoutCache::smallFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QString MessageLayoutCache::chatMarkdown(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    QString out;
    bool fenced = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().startsWith(u"```")) fenced = !fenced;
        out += line;
        if (i + 1 < lines.size()) {
            const bool breakKept = !fenced && !line.trimmed().isEmpty() && !lines.at(i + 1).trimmed().isEmpty()
                && !line.trimmed().startsWith(u"```") && !startsBlock(lines.at(i + 1));
            out += breakKept ? u"\\\n"_qs : u"\n"_qs; // a backslash before the newline is a hard break
        }
    }
    return out;
}

QString MessageLayoutCache::keyOf(const QModelIndex &index)
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    return id.isEmpty() ? u"local:"_qs + index.data(MessageListModel::ClientMsgIdRole).toString() : id;
}

QSize MessageLayoutCache::imageSize(int width, int height, int maxWidth)
{
    if (width <= 0 || height <= 0) return { ImageMaxWidth / 2, ImageMaxHeight / 2 };
    QSize s = QSize(width, height).scaled(std::min(ImageMaxWidth, maxWidth), ImageMaxHeight, Qt::KeepAspectRatio);
    if (s.width() > width) s = QSize(width, height); // small images are not blown up
    return s.expandedTo(QSize(ImageMinSide, ImageMinSide)).boundedTo(QSize(maxWidth, ImageMaxHeight));
}

void MessageLayoutCache::setDark(bool dark)
{
    if (dark == m_dark) return;
    m_dark = dark;
    m_entries.clear();
}

void MessageLayoutCache::setEditing(const QString &key, int height)
{
    if (!m_editingKey.isEmpty()) m_entries.remove(m_editingKey);
    m_editingKey = key;
    m_editorHeight = height;
    if (!key.isEmpty()) m_entries.remove(key);
}

const MessageLayout &MessageLayoutCache::layout(const QModelIndex &index, int width) const
{
    const Message m = index.data(MessageListModel::MessageRole).value<Message>();
    const QString key = keyOf(index);
    // Everything the layout depends on besides the width.
    size_t stamp = qHashMulti(0, m.text, m.editedAt, m.deletedAt, m.replyCount, int(m.state),
        index.data(MessageListModel::GroupStartRole).toBool(), index.data(MessageListModel::DayStartRole).toBool(),
        index.data(MessageListModel::ChannelStartRole).toBool(),
        index.data(MessageListModel::LastReplyAtRole).toDateTime().toMSecsSinceEpoch());
    for (const Wire::Reaction &r : m.reactions)
        stamp = qHashMulti(stamp, r.emoji, r.count, r.me);
    if (m.preview) stamp = qHashMulti(stamp, m.preview->url, m.preview->title, m.preview->description);
    for (const Wire::Attachment &a : m.attachments)
        stamp = qHashMulti(stamp, a.id.toString(), a.width, a.height);
    const auto it = m_entries.constFind(key);
    if (it != m_entries.cend() && it->stamp == stamp && it->width == width) return it->layout;
    if (m_entries.size() > MaxEntries) m_entries.clear();
    return m_entries.insert(key, { stamp, width, build(index, m, width) })->layout;
}

MessageLayout MessageLayoutCache::build(const QModelIndex &index, const Message &m, int width) const
{
    MessageLayout l;
    const bool groupStart = index.data(MessageListModel::GroupStartRole).toBool();
    if (index.data(MessageListModel::ChannelStartRole).toBool()) l.intro = IntroHeight;
    l.dayBand = l.intro + (index.data(MessageListModel::DayStartRole).toBool() ? DayBandHeight : 0);
    l.header = groupStart ? GroupTopPadding + QFontMetrics(headerFont()).height() + 2 : 2;
    const int textWidth = std::max(40, width - ContentX - Margin - RightGutter);
    int y = l.dayBand + l.header;

    if (keyOf(index) == m_editingKey) {
        l.text = QRect(ContentX, y, width - ContentX - Margin, m_editorHeight);
    } else {
        auto doc = std::make_shared<QTextDocument>();
        // A shown message is never edited in its document: without this, every insertion the Markdown
        // importer makes is kept as an undo command for the document's lifetime.
        doc->setUndoRedoEnabled(false);
        doc->setDefaultFont(bodyFont());
        doc->setDocumentMargin(0);
        const ChatPalette colours = m_dark ? ChatPalette::darkPalette() : ChatPalette::light();
        doc->setDefaultStyleSheet(colours.styleSheet(u"a { color: @link; } code { background: @code; }"_qs));
        if (m.isDeleted()) {
            doc->setPlainText(QApplication::translate("MessageDelegate", "This message was deleted."));
            QTextCursor c(doc.get());
            c.select(QTextCursor::Document);
            QTextCharFormat f;
            f.setFontItalic(true);
            f.setForeground(colours.muted);
            c.mergeCharFormat(f);
        } else if (m.text.isEmpty() && !m.attachments.isEmpty()) {
            doc.reset(); // files only: no text line
        } else {
            doc->setMarkdown(
                chatMarkdown(DisplayText::limitCombiningMarks(m.text)), QTextDocument::MarkdownDialectGitHub);
            if (m.isEdited()) {
                QTextCursor c(doc.get());
                c.movePosition(QTextCursor::End);
                QTextCharFormat f;
                f.setForeground(colours.faint);
                f.setFont(smallFont());
                c.insertText(u" "_qs + QApplication::translate("MessageDelegate", "(edited)"), f);
            }
        }
        if (doc) {
            doc->setTextWidth(textWidth);
            const int h = std::max(int(std::ceil(doc->size().height())), QFontMetrics(bodyFont()).height());
            l.text = QRect(ContentX, y, textWidth, h);
            l.doc = std::move(doc);
        } else {
            l.text = QRect(ContentX, y, textWidth, 0);
        }
    }
    y = l.text.bottom() + 1;

    if (!m.isDeleted()) {
        const QFontMetrics small(smallFont());
        for (int i = 0; i < m.attachments.size(); ++i) {
            const Wire::Attachment &a = m.attachments.at(i);
            MessageLayout::File f;
            f.index = i;
            f.image = a.isImage() && !a.thumbnailUrl.isEmpty();
            if (f.image) {
                f.rect = QRect(QPoint(ContentX, y + 6), imageSize(a.width, a.height, textWidth));
            } else {
                f.rect = QRect(ContentX, y + 6, std::min(textWidth, FileCardWidth), FileCardHeight);
                const int linkH = small.height() + 4;
                const QString open = QApplication::translate("MessageDelegate", "Open");
                const QString save = QApplication::translate("MessageDelegate", "Save…");
                const int openW = small.horizontalAdvance(open) + 8, saveW = small.horizontalAdvance(save) + 8;
                const int ly = f.rect.top() + 8;
                f.open = QRect(f.rect.right() - 8 - openW, ly, openW, linkH);
                f.save = QRect(f.open.left() - 4 - saveW, ly, saveW, linkH);
            }
            l.files.append(f);
            y = f.rect.bottom() + 1;
        }
    }

    if (m.preview && !m.isDeleted() && (!m.preview->title.isEmpty() || !m.preview->description.isEmpty())) {
        const int w = std::min(textWidth, PreviewMaxWidth);
        const QFontMetrics small(smallFont()), header(headerFont()), body(bodyFont());
        int h = 8 + small.height() + 2;
        if (!m.preview->title.isEmpty()) h += header.height() + 2;
        if (!m.preview->description.isEmpty())
            h += std::min(3 * body.lineSpacing(),
                body.boundingRect(QRect(0, 0, w - 20, 1 << 20), Qt::TextWordWrap, m.preview->description).height());
        h += 8;
        l.preview = QRect(ContentX, y + 6, w, h);
        y = l.preview.bottom() + 1;
    }

    if (!m.reactions.isEmpty() && !m.isDeleted()) {
        const QFontMetrics fm(bodyFont());
        int x = ContentX;
        int top = y + 6;
        for (const Wire::Reaction &r : m.reactions) {
            const int w = fm.horizontalAdvance(r.emoji + u"  "_qs + QString::number(r.count)) + 18;
            if (x + w > ContentX + textWidth && x > ContentX) {
                x = ContentX;
                top += ChipHeight + 4;
            }
            l.chips.append({ QRect(x, top, w, ChipHeight), r.emoji, r.count, r.me });
            x += w + 4;
        }
        l.addChip = QRect(x, top, ChipHeight + 12, ChipHeight);
        y = top + ChipHeight;
    }

    if (m_showThreads && m.replyCount > 0 && !m.isReply()) {
        const QFontMetrics fm(smallFont());
        const QString label = threadLabel(index, m.replyCount);
        l.thread = QRect(ContentX, y + 4, fm.horizontalAdvance(label) + 4, fm.height() + 4);
        y = l.thread.bottom() + 1;
    }
    if (m.state == SendState::Failed) {
        l.footer = QRect(ContentX, y + 2, textWidth, QFontMetrics(smallFont()).height() + 2);
        y = l.footer.bottom() + 1;
    }
    l.height = y + RowBottomPadding;
    if (groupStart) l.height = std::max(l.height, l.dayBand + GroupTopPadding + Avatar + RowBottomPadding);
    return l;
}

} // namespace Natter::Client
