#include "Html.h"

#include "domain/ExhibitRules.h"
#include "io/ExhibitDocument.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QUrl>

#include <algorithm>

namespace spotlight::Html {
namespace {

// A block's text with its emphasis, code and links; a heading's own weight is not emphasis.
QString inlineHtml(const QTextBlock& block)
{
    const bool heading = block.blockFormat().headingLevel() > 0;
    QString html;
    for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
        const QTextFragment part = fragment.fragment();
        const QTextCharFormat format = part.charFormat();
        QString text = escape(part.text()).replace(QChar::LineSeparator, QStringLiteral("<br>"));
        if (format.fontFixedPitch()) {
            text = QStringLiteral("<code>%1</code>").arg(text);
        }
        // Qt reads _this_ as underlined; its writer meant emphasis.
        if (format.fontItalic() || (format.fontUnderline() && !format.isAnchor())) {
            text = QStringLiteral("<em>%1</em>").arg(text);
        }
        if (format.fontWeight() >= QFont::Bold && !heading) {
            text = QStringLiteral("<strong>%1</strong>").arg(text);
        }
        if (format.isAnchor() && ExhibitRules::isPublishableLink(format.anchorHref())) {
            text = QStringLiteral("<a href=\"%1\">%2</a>").arg(escape(format.anchorHref()), text);
        }
        html += text;
    }
    return html;
}

// Each heading level in use, in order of depth, numbered from just below the parent, and never more
// than one deeper than the heading before it.
class HeadingLevels
{
public:
    HeadingLevels(const QTextDocument& document, int parent)
        : m_parent(parent)
        , m_last(parent)
    {
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (const int level = block.blockFormat().headingLevel(); level > 0 && !m_used.contains(level)) {
                m_used << level;
            }
        }
        std::sort(m_used.begin(), m_used.end());
    }

    int next(int markdownLevel)
    {
        const int ranked = m_parent + 1 + int(m_used.indexOf(markdownLevel));
        m_last = std::min({ranked, m_last + 1, 6});
        return m_last;
    }

private:
    QList<int> m_used;
    int m_parent;
    int m_last;
};

} // namespace

QString escape(const QString& text)
{
    return text.toHtmlEscaped();
}

QString fromMarkdown(const QString& markdown, int parentHeading)
{
    QTextDocument document;
    document.setMarkdown(markdown, ExhibitDocument::PublishedMarkdown);
    HeadingLevels headings(document, parentHeading);
    QString html;
    QList<QTextList*> openLists; // outermost first
    bool inCode = false;
    // Lists are closed and opened by comparing the block's list with those open.
    auto listTag = [](const QTextList* list) {
        const QTextListFormat::Style style = list->format().style();
        return style == QTextListFormat::ListDecimal || style == QTextListFormat::ListLowerAlpha ||
                       style == QTextListFormat::ListUpperAlpha || style == QTextListFormat::ListLowerRoman ||
                       style == QTextListFormat::ListUpperRoman
                   ? QStringLiteral("ol")
                   : QStringLiteral("ul");
    };
    auto closeLists = [&](qsizetype keep) {
        while (openLists.size() > keep) {
            html += QStringLiteral("</li></%1>\n").arg(listTag(openLists.takeLast()));
        }
    };
    auto closeCode = [&] {
        if (inCode) {
            html += QStringLiteral("</code></pre>\n");
            inCode = false;
        }
    };

    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        const bool code = format.hasProperty(QTextFormat::BlockCodeFence) ||
                          format.property(QTextFormat::BlockCodeLanguage).isValid();
        if (code) {
            closeLists(0);
            html += inCode ? QStringLiteral("\n") : QStringLiteral("<pre><code>");
            inCode = true;
            html += escape(block.text());
            continue;
        }
        closeCode();

        if (QTextList* list = block.textList()) {
            const qsizetype depth = std::max<qsizetype>(1, list->format().indent());
            if (openLists.size() >= depth && openLists.at(depth - 1) == list) {
                closeLists(depth);
                html += QStringLiteral("</li>\n<li>");
            } else if (openLists.size() >= depth) {
                closeLists(depth - 1);
                openLists << list;
                html += QStringLiteral("<%1>\n<li>").arg(listTag(list));
            } else {
                openLists << list;
                html += QStringLiteral("<%1>\n<li>").arg(listTag(list));
            }
            html += QStringLiteral("<span dir=\"auto\">%1</span>").arg(inlineHtml(block));
            continue;
        }
        closeLists(0);

        if (block.text().trimmed().isEmpty()) {
            if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
                html += QStringLiteral("<hr>\n");
            }
            continue;
        }
        if (const int level = format.headingLevel(); level > 0) {
            const int shown = headings.next(level);
            html += QStringLiteral("<h%1 dir=\"auto\">%2</h%1>\n").arg(shown).arg(inlineHtml(block));
        } else if (format.hasProperty(QTextFormat::BlockQuoteLevel) &&
                   format.intProperty(QTextFormat::BlockQuoteLevel) > 0) {
            html += QStringLiteral("<blockquote><p dir=\"auto\">%1</p></blockquote>\n").arg(inlineHtml(block));
        } else {
            html += QStringLiteral("<p dir=\"auto\">%1</p>\n").arg(inlineHtml(block));
        }
    }
    closeCode();
    closeLists(0);
    return html;
}

} // namespace spotlight::Html
