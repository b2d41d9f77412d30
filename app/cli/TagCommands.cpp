#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "Output.h"

#include <QJsonArray>
#include <QJsonObject>

namespace spotlight::cli {
namespace {

const QString TagUsage = QStringLiteral(
    "tag add REF TAG... | tag add --query Q TAG... | tag remove REF TAG... | tag remove --query Q TAG... | "
    "tag rename OLD NEW | tag merge FROM... INTO | tag colour TAG COLOUR | tag list [--format json]");

// The refs a bulk tag change applies to: the first word, or every exhibit that --query matches.
QStringList targets(Context& context, const Arguments& arguments, QStringList& tags)
{
    if (arguments.has(QStringLiteral("query"))) {
        return context.catalogue().refs(arguments.value(QStringLiteral("query")));
    }
    if (tags.size() < 2) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(TagUsage));
    }
    return QStringList{tags.takeFirst()};
}

int addOrRemove(Context& context, const Arguments& arguments, bool add)
{
    QStringList words = arguments.positional().mid(1);
    const QStringList refs = targets(context, arguments, words);
    if (words.isEmpty()) {
        throw UsageError(QStringLiteral("name at least one tag"));
    }
    Catalogue& catalogue = context.catalogue();
    const int changed = add ? catalogue.curation().addTags(refs, words) : catalogue.curation().removeTags(refs, words);
    Context::out(QStringLiteral("%1 %2 tag(s) on %3 exhibit(s).")
                     .arg(add ? QStringLiteral("Added") : QStringLiteral("Removed"))
                     .arg(changed)
                     .arg(refs.size()));
    return 0;
}

} // namespace

int runTag(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {QStringLiteral("query"), QStringLiteral("format")}, {});
    const QStringList& positional = arguments.positional();
    const QString action = positional.value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("add") || action == QLatin1String("remove")) {
        return addOrRemove(context, arguments, action == QLatin1String("add"));
    }
    if (action == QLatin1String("rename") && positional.size() == 3) {
        const int renamed = catalogue.curation().renameTag(positional.at(1), positional.at(2));
        Context::out(QStringLiteral("Renamed %1 tag(s).").arg(renamed));
        return 0;
    }
    if (action == QLatin1String("merge") && positional.size() >= 3) {
        const int affected =
            catalogue.curation().mergeTags(positional.mid(1, positional.size() - 2), positional.last());
        Context::out(
            QStringLiteral("Merged into \"%1\"; %2 exhibit(s) affected.").arg(positional.last()).arg(affected));
        return 0;
    }
    if (action == QLatin1String("colour") && positional.size() == 3) {
        catalogue.curation().setTagColour(positional.at(1), positional.at(2));
        return 0;
    }
    if (action == QLatin1String("list") && positional.size() == 1) {
        const QList<Tag> tags = catalogue.tags();
        if (arguments.choice(QStringLiteral("format"), {QStringLiteral("text"), QStringLiteral("json")},
                             QStringLiteral("text")) == QLatin1String("json")) {
            QJsonArray array;
            for (const Tag& tag : tags) {
                array.append(QJsonObject{{QStringLiteral("name"), tag.name},
                                         {QStringLiteral("colour"), tag.colour},
                                         {QStringLiteral("count"), tag.usage}});
            }
            Context::outBytes(Output::json(QJsonObject{{QStringLiteral("tags"), array}}));
            return 0;
        }
        for (const Tag& tag : tags) {
            Context::out(QStringLiteral("%1  %2%3")
                             .arg(tag.usage, 6)
                             .arg(tag.name, tag.colour.isEmpty() ? QString() : QStringLiteral("  ") + tag.colour));
        }
        return 0;
    }
    throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(TagUsage));
}

int runSaved(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {}, {});
    const QStringList& positional = arguments.positional();
    const QString action = positional.value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("add") && positional.size() >= 3) {
        catalogue.curation().saveSearch(SavedSearch{positional.at(1), positional.mid(2).join(QLatin1Char(' '))});
        Context::out(QStringLiteral("Saved \"%1\".").arg(positional.at(1)));
        return 0;
    }
    if (action == QLatin1String("remove") && positional.size() == 2) {
        if (!catalogue.curation().removeSearch(positional.at(1))) {
            throw Error(QStringLiteral("There is no saved search called \"%1\".").arg(positional.at(1)));
        }
        Context::out(QStringLiteral("Removed \"%1\".").arg(positional.at(1)));
        return 0;
    }
    if (action == QLatin1String("list") && positional.size() == 1) {
        for (const SavedSearch& search : catalogue.savedSearches()) {
            Context::out(QStringLiteral("%1\t%2").arg(search.name, search.query));
        }
        return 0;
    }
    throw UsageError(QStringLiteral("usage: spotlight-cli saved add NAME QUERY | saved list | saved remove NAME"));
}

} // namespace spotlight::cli
