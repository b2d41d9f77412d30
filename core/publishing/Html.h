#pragma once

#include <QString>

namespace spotlight::Html {

// Text made safe to stand in HTML content or in a double-quoted attribute.
QString escape(const QString& text);

// Markdown (an exhibit's description, a showcase's introduction) as clean HTML: paragraphs, lists,
// emphasis, code and safe links, with no styles and no raw HTML from the source. Headings are
// renumbered to follow on from `parentHeading` without skipping a level, so a description's
// "# Aims" under an h2 becomes an h3.
QString fromMarkdown(const QString& markdown, int parentHeading);

} // namespace spotlight::Html
