#include "JsonCodec.h"

#include "domain/Tag.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace spotlight::JsonCodec {
namespace {

const QString FormatName = QStringLiteral("spotlight-catalogue");
// 2 added sponsoring panels: editions' criteria, categories' reviewers and exhibits' scores, which
// an older Spotlight would drop unseen.
constexpr int FormatVersion = 2;

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QStringList stringList(const QJsonValue& value, const char* key, QStringList& problems)
{
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray()) {
        problems << QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key));
        return {};
    }
    QStringList result;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString()) {
            problems << QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key));
            return {};
        }
        result << item.toString();
    }
    return result;
}

QString string(const QJsonObject& object, const char* key, QStringList& problems)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isString()) {
        problems << QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
        return {};
    }
    return value.toString();
}

int integer(const QJsonObject& object, const char* key, QStringList& problems)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        return 0;
    }
    if (!value.isDouble() || value.toDouble() != double(value.toInt())) {
        problems << QStringLiteral("\"%1\" must be a whole number").arg(QLatin1String(key));
        return 0;
    }
    return value.toInt();
}

QDate date(const QJsonObject& object, const char* key, QStringList& problems)
{
    const QString text = string(object, key, problems);
    const QDate result = QDate::fromString(text, Qt::ISODate);
    if (!text.isEmpty() && !result.isValid()) {
        problems << QStringLiteral("\"%1\" must be a date such as 2025-03-14").arg(QLatin1String(key));
    }
    return result;
}

QJsonObject evidenceToJson(const Evidence& item)
{
    return QJsonObject{
        {QStringLiteral("kind"), evidenceKindKey(item.kind)},
        {QStringLiteral("title"), item.title},
        {QStringLiteral("summary"), item.summary},
        {QStringLiteral("level"), item.level},
        {QStringLiteral("date"), dateText(item.date)},
        {QStringLiteral("source_url"), item.sourceUrl},
        {QStringLiteral("attachment"), item.attachment},
        {QStringLiteral("key_figures"), item.keyFigures},
    };
}

Evidence evidenceFromJson(const QJsonObject& object, QStringList& problems)
{
    Evidence item;
    const QString kind = string(object, "kind", problems);
    if (const auto known = evidenceKindFromText(kind)) {
        item.kind = *known;
    } else {
        problems << QStringLiteral("unknown evidence kind \"%1\"; use one of %2")
                        .arg(kind, allEvidenceKindKeys().join(QStringLiteral(", ")));
    }
    item.title = string(object, "title", problems);
    item.summary = string(object, "summary", problems);
    item.level = integer(object, "level", problems);
    item.date = date(object, "date", problems);
    item.sourceUrl = string(object, "source_url", problems);
    item.attachment = string(object, "attachment", problems);
    item.keyFigures = string(object, "key_figures", problems);
    return item;
}

QJsonObject reviewToJson(const Review& review)
{
    return QJsonObject{
        {QStringLiteral("panel"), review.panel},
        {QStringLiteral("date"), dateText(review.date)},
        {QStringLiteral("reviewers"), review.reviewers},
        {QStringLiteral("feedback"), review.feedback},
        {QStringLiteral("recognition"), review.recognition},
    };
}

Review reviewFromJson(const QJsonObject& object, QStringList& problems)
{
    return Review{string(object, "panel", problems), date(object, "date", problems),
                  string(object, "reviewers", problems), string(object, "feedback", problems),
                  string(object, "recognition", problems)};
}

// The line on which each object of each top-level array starts ("exhibits", "editions"...).
// QJsonDocument keeps no positions, so this walks the text once, tracking strings, depth and the
// current top-level key.
QHash<QByteArray, QList<int>> objectStartLines(const QByteArray& bytes)
{
    QHash<QByteArray, QList<int>> lines;
    int line = 1;
    int depth = 0;
    bool inString = false;
    QByteArray lastString;
    QByteArray topLevelKey;
    qsizetype stringStart = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n') {
            ++line;
        }
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                lastString = bytes.mid(stringStart, i - stringStart);
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            stringStart = i + 1;
            break;
        case ':':
            if (depth == 1) {
                topLevelKey = lastString;
            }
            break;
        case '{':
        case '[':
            ++depth;
            if (c == '{' && depth == 3) {
                lines[topLevelKey].append(line);
            }
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return lines;
}

int lineAt(const QByteArray& bytes, qsizetype offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

} // namespace

QJsonObject toJson(const Exhibit& exhibit, bool full)
{
    QJsonObject object{
        {QStringLiteral("ref"), exhibit.ref},
        {QStringLiteral("title"), exhibit.title},
        {QStringLiteral("summary"), exhibit.summary},
        {QStringLiteral("authorities"), QJsonArray::fromStringList(exhibit.authorities())},
        {QStringLiteral("categories"), QJsonArray::fromStringList(exhibit.categories)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(exhibit.tags)},
        {QStringLiteral("status"), statusKey(exhibit.status)},
        {QStringLiteral("edition"), exhibit.edition},
        {QStringLiteral("evidence_level"), exhibit.evidenceLevel},
        {QStringLiteral("contact"), QJsonObject{{QStringLiteral("name"), exhibit.contact.name},
                                                {QStringLiteral("role"), exhibit.contact.role},
                                                {QStringLiteral("email"), exhibit.contact.email}}},
    };
    // Written only when there is something to say, so that files from before phones read the same.
    if (exhibit.contact.emailPublic || !exhibit.contact.phone.isEmpty() || exhibit.contact.phonePublic) {
        QJsonObject contact = object.value(QStringLiteral("contact")).toObject();
        if (exhibit.contact.emailPublic) {
            contact.insert(QStringLiteral("email_public"), true);
        }
        if (!exhibit.contact.phone.isEmpty()) {
            contact.insert(QStringLiteral("phone"), exhibit.contact.phone);
        }
        if (exhibit.contact.phonePublic) {
            contact.insert(QStringLiteral("phone_public"), true);
        }
        object.insert(QStringLiteral("contact"), contact);
    }
    QJsonArray evidence;
    for (const Evidence& item : exhibit.evidence) {
        evidence.append(evidenceToJson(item));
    }
    object.insert(QStringLiteral("evidence"), evidence);
    if (!full) {
        return object;
    }
    QJsonArray reviews;
    for (const Review& review : exhibit.reviews) {
        reviews.append(reviewToJson(review));
    }
    object.insert(QStringLiteral("reviews"), reviews);
    QJsonArray scores;
    for (const PanelScore& score : exhibit.scores) {
        scores.append(QJsonObject{{QStringLiteral("reviewer"), score.reviewer},
                                  {QStringLiteral("criterion"), score.criterion},
                                  {QStringLiteral("score"), score.score},
                                  {QStringLiteral("comment"), score.comment}});
    }
    object.insert(QStringLiteral("panel_scores"), scores);
    object.insert(QStringLiteral("description"), exhibit.description);
    object.insert(QStringLiteral("declared_level"), exhibit.declaredLevel);
    object.insert(QStringLiteral("partner_organisations"), QJsonArray::fromStringList(exhibit.partnerOrganisations));
    object.insert(QStringLiteral("target_groups"), QJsonArray::fromStringList(exhibit.targetGroups));
    object.insert(QStringLiteral("age_range"), exhibit.ageRange);
    object.insert(QStringLiteral("stand_number"), exhibit.standNumber);
    object.insert(QStringLiteral("links"), QJsonArray::fromStringList(exhibit.links));
    // Only when there is one, so that files without resubmissions read as they always have.
    if (!exhibit.resubmissionOf.isEmpty()) {
        object.insert(QStringLiteral("resubmission_of"), exhibit.resubmissionOf);
    }
    object.insert(QStringLiteral("created"), timeText(exhibit.created));
    object.insert(QStringLiteral("updated"), timeText(exhibit.updated));
    return object;
}

Exhibit exhibitFromJson(const QJsonObject& object, QStringList& problems)
{
    Exhibit exhibit;
    exhibit.ref = string(object, "ref", problems);
    exhibit.title = string(object, "title", problems);
    exhibit.summary = string(object, "summary", problems);
    exhibit.description = string(object, "description", problems);
    const QStringList authorities = stringList(object.value(QStringLiteral("authorities")), "authorities", problems);
    if (!authorities.isEmpty()) {
        exhibit.leadAuthority = authorities.first();
        exhibit.partnerAuthorities = authorities.mid(1);
    }
    exhibit.edition = string(object, "edition", problems);
    exhibit.categories = stringList(object.value(QStringLiteral("categories")), "categories", problems);
    exhibit.tags = stringList(object.value(QStringLiteral("tags")), "tags", problems);
    const QString status = string(object, "status", problems);
    if (const auto known = statusFromText(status.isEmpty() ? QStringLiteral("submitted") : status)) {
        exhibit.status = *known;
    } else {
        problems << QStringLiteral("unknown status \"%1\"; use one of %2")
                        .arg(status, allStatusKeys().join(QStringLiteral(", ")));
    }
    const QJsonObject contact = object.value(QStringLiteral("contact")).toObject();
    exhibit.contact = Contact{string(contact, "name", problems), string(contact, "role", problems),
                              string(contact, "email", problems)};
    exhibit.contact.phone = string(contact, "phone", problems);
    for (const auto& [key, consent] : {std::pair{QStringLiteral("email_public"), &exhibit.contact.emailPublic},
                                       std::pair{QStringLiteral("phone_public"), &exhibit.contact.phonePublic}}) {
        const QJsonValue value = contact.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isBool()) {
            problems << QStringLiteral("\"%1\" must be true or false").arg(key);
        }
        *consent = value.toBool();
    }
    exhibit.declaredLevel = object.contains(QStringLiteral("declared_level"))
                                ? integer(object, "declared_level", problems)
                                : integer(object, "evidence_level", problems);
    exhibit.partnerOrganisations =
        stringList(object.value(QStringLiteral("partner_organisations")), "partner_organisations", problems);
    exhibit.targetGroups = stringList(object.value(QStringLiteral("target_groups")), "target_groups", problems);
    exhibit.ageRange = string(object, "age_range", problems);
    exhibit.standNumber = string(object, "stand_number", problems);
    exhibit.links = stringList(object.value(QStringLiteral("links")), "links", problems);
    exhibit.resubmissionOf = string(object, "resubmission_of", problems).trimmed();
    for (const QJsonValue& item : object.value(QStringLiteral("evidence")).toArray()) {
        exhibit.evidence.append(evidenceFromJson(item.toObject(), problems));
    }
    for (const QJsonValue& item : object.value(QStringLiteral("reviews")).toArray()) {
        exhibit.reviews.append(reviewFromJson(item.toObject(), problems));
    }
    for (const QJsonValue& item : object.value(QStringLiteral("panel_scores")).toArray()) {
        const QJsonObject score = item.toObject();
        exhibit.scores.append(PanelScore{string(score, "reviewer", problems), string(score, "criterion", problems),
                                         integer(score, "score", problems), string(score, "comment", problems)});
    }
    exhibit.created = QDateTime::fromString(string(object, "created", problems), Qt::ISODateWithMs);
    exhibit.updated = QDateTime::fromString(string(object, "updated", problems), Qt::ISODateWithMs);
    return exhibit;
}

QByteArray write(const CatalogueDocument& document)
{
    QJsonArray editions;
    for (const Edition& edition : document.editions) {
        QJsonArray categories;
        for (const Category& category : document.categories) {
            if (category.edition == edition.name) {
                QJsonArray reviewers;
                for (const Reviewer& reviewer : category.reviewers) {
                    reviewers.append(QJsonObject{{QStringLiteral("name"), reviewer.name},
                                                 {QStringLiteral("authority"), reviewer.authority}});
                }
                categories.append(QJsonObject{{QStringLiteral("name"), category.name},
                                              {QStringLiteral("sponsor"), category.sponsor},
                                              {QStringLiteral("description"), category.description},
                                              {QStringLiteral("reviewers"), reviewers}});
            }
        }
        editions.append(QJsonObject{
            {QStringLiteral("name"), edition.name},
            {QStringLiteral("year"), edition.year},
            {QStringLiteral("event"), edition.event},
            {QStringLiteral("starts_on"), dateText(edition.startsOn)},
            {QStringLiteral("ends_on"), dateText(edition.endsOn)},
            {QStringLiteral("venue"), edition.venue},
            {QStringLiteral("description"), edition.description},
            {QStringLiteral("signatory_name"), edition.signatoryName},
            {QStringLiteral("signatory_role"), edition.signatoryRole},
            {QStringLiteral("archived"), edition.archived},
            {QStringLiteral("criteria"), QJsonArray::fromStringList(edition.criteria)},
            {QStringLiteral("categories"), categories},
        });
    }
    QJsonArray tags;
    for (const Tag& tag : document.tags) {
        tags.append(QJsonObject{{QStringLiteral("name"), tag.name}, {QStringLiteral("colour"), tag.colour}});
    }
    QJsonArray savedSearches;
    for (const SavedSearch& search : document.savedSearches) {
        savedSearches.append(
            QJsonObject{{QStringLiteral("name"), search.name}, {QStringLiteral("query"), search.query}});
    }
    QJsonArray exhibits;
    for (const Exhibit& exhibit : document.exhibits) {
        exhibits.append(toJson(exhibit, true));
    }
    const QJsonObject root{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("editions"), editions},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("saved_searches"), savedSearches},
        {QStringLiteral("exhibits"), exhibits},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

CatalogueDocument read(const QByteArray& bytes, QList<JsonProblem>& problems)
{
    CatalogueDocument document;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems.append({lineAt(bytes, parseError.offset),
                         QStringLiteral("this is not valid JSON (%1)").arg(parseError.errorString())});
        return document;
    }
    const QJsonObject root = json.object();
    if (!json.isObject() || root.value(QStringLiteral("format")).toString() != FormatName) {
        problems.append(
            {1,
             QStringLiteral("this is not a Spotlight catalogue export: it needs \"format\": \"%1\"").arg(FormatName)});
        return document;
    }
    if (root.value(QStringLiteral("version")).toInt() > FormatVersion) {
        problems.append({1, QStringLiteral("this file was written by a newer Spotlight (format version %1)")
                                .arg(root.value(QStringLiteral("version")).toInt())});
        return document;
    }
    const QHash<QByteArray, QList<int>> lines = objectStartLines(bytes);
    const auto lineOf = [&lines](const char* array, qsizetype index) { return lines.value(array).value(index, 1); };
    QStringList ignored;
    const QJsonArray editions = root.value(QStringLiteral("editions")).toArray();
    for (qsizetype e = 0; e < editions.size(); ++e) {
        const QJsonObject object = editions.at(e).toObject();
        Edition edition;
        edition.name = string(object, "name", ignored);
        edition.year = integer(object, "year", ignored);
        edition.event = string(object, "event", ignored);
        edition.startsOn = date(object, "starts_on", ignored);
        edition.endsOn = date(object, "ends_on", ignored);
        edition.venue = string(object, "venue", ignored);
        edition.description = string(object, "description", ignored);
        edition.signatoryName = string(object, "signatory_name", ignored);
        edition.signatoryRole = string(object, "signatory_role", ignored);
        edition.archived = object.value(QStringLiteral("archived")).toBool();
        // An export from before panels had criteria keeps the standard ones.
        if (object.contains(QStringLiteral("criteria"))) {
            edition.criteria = stringList(object.value(QStringLiteral("criteria")), "criteria", ignored);
        }
        if (edition.name.trimmed().isEmpty()) {
            problems.append({lineOf("editions", e), QStringLiteral("editions: each edition needs a \"name\"")});
            continue;
        }
        document.editions.append(edition);
        for (const QJsonValue& category : object.value(QStringLiteral("categories")).toArray()) {
            const QJsonObject c = category.toObject();
            Category read{edition.name, string(c, "name", ignored), string(c, "sponsor", ignored),
                          string(c, "description", ignored)};
            for (const QJsonValue& reviewer : c.value(QStringLiteral("reviewers")).toArray()) {
                read.reviewers.append(Reviewer{reviewer[QLatin1String("name")].toString(),
                                               reviewer[QLatin1String("authority")].toString()});
            }
            if (read.name.trimmed().isEmpty()) {
                problems.append(
                    {lineOf("editions", e),
                     QStringLiteral("editions: each category of \"%1\" needs a \"name\"").arg(edition.name)});
                continue;
            }
            document.categories.append(read);
        }
    }
    if (!ignored.isEmpty()) {
        problems.append({1, QStringLiteral("editions: %1").arg(ignored.join(QStringLiteral("; ")))});
    }
    const QJsonArray tags = root.value(QStringLiteral("tags")).toArray();
    for (qsizetype t = 0; t < tags.size(); ++t) {
        const Tag tag{tags.at(t)[QLatin1String("name")].toString(), tags.at(t)[QLatin1String("colour")].toString(), 0};
        if (normaliseTagName(tag.name).isEmpty()) {
            problems.append({lineOf("tags", t), QStringLiteral("tags: \"%1\" is not a usable tag name").arg(tag.name)});
        } else if (!isTagColour(tag.colour)) {
            problems.append({lineOf("tags", t), QStringLiteral("tags: \"%1\" is not a colour for \"%2\": use a name "
                                                               "such as \"teal\" or a code such as \"#1b7f79\"")
                                                    .arg(tag.colour, tag.name)});
        } else {
            document.tags.append(tag);
        }
    }
    const QJsonArray searches = root.value(QStringLiteral("saved_searches")).toArray();
    for (qsizetype s = 0; s < searches.size(); ++s) {
        const SavedSearch search{searches.at(s)[QLatin1String("name")].toString().trimmed(),
                                 searches.at(s)[QLatin1String("query")].toString()};
        if (search.name.isEmpty()) {
            problems.append({lineOf("saved_searches", s), QStringLiteral("saved_searches: each needs a \"name\"")});
            continue;
        }
        document.savedSearches.append(search);
        document.savedSearchLines.append(lineOf("saved_searches", s));
    }
    const QJsonArray exhibits = root.value(QStringLiteral("exhibits")).toArray();
    for (qsizetype i = 0; i < exhibits.size(); ++i) {
        const int line = lineOf("exhibits", i);
        if (!exhibits.at(i).isObject()) {
            problems.append({line, QStringLiteral("each exhibit must be a JSON object")});
            continue;
        }
        QStringList exhibitProblems;
        document.exhibits.append(exhibitFromJson(exhibits.at(i).toObject(), exhibitProblems));
        document.exhibitLines.append(line);
        for (const QString& problem : exhibitProblems) {
            problems.append({line, problem});
        }
    }
    return document;
}

} // namespace spotlight::JsonCodec
