#include "ExhibitDiff.h"

namespace spotlight {
namespace {

QString listText(const QStringList& items)
{
    return items.join(QStringLiteral("; "));
}

QString evidenceText(const QList<Evidence>& evidence)
{
    QStringList lines;
    for (const Evidence& item : evidence) {
        lines << QStringLiteral("%1: %2 (level %3%4)")
                     .arg(evidenceKindLabel(item.kind), item.title)
                     .arg(item.level)
                     .arg(item.date.isValid() ? QStringLiteral(", ") + item.date.toString(Qt::ISODate) : QString());
    }
    return lines.join(QLatin1Char('\n'));
}

QString reviewsText(const QList<Review>& reviews)
{
    QStringList lines;
    for (const Review& review : reviews) {
        lines << QStringLiteral("%1, %2: %3%4")
                     .arg(review.panel, review.date.toString(Qt::ISODate), review.recognition,
                          review.feedback.isEmpty() ? QString() : QStringLiteral(" - ") + review.feedback);
    }
    return lines.join(QLatin1Char('\n'));
}

QString scoresText(const QList<PanelScore>& scores)
{
    QStringList lines;
    for (const PanelScore& score : scores) {
        lines << QStringLiteral("%1, %2: %3%4")
                     .arg(score.reviewer, score.criterion)
                     .arg(score.score)
                     .arg(score.comment.isEmpty() ? QString() : QStringLiteral(" - ") + score.comment);
    }
    return lines.join(QLatin1Char('\n'));
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

} // namespace

QList<FieldChange> changedFields(const Exhibit& before, const Exhibit& after)
{
    const QList<FieldChange> all{
        {QStringLiteral("title"), before.title, after.title},
        {QStringLiteral("lead_authority"), before.leadAuthority, after.leadAuthority},
        {QStringLiteral("partner_authorities"), listText(before.partnerAuthorities),
         listText(after.partnerAuthorities)},
        {QStringLiteral("edition"), before.edition, after.edition},
        {QStringLiteral("categories"), listText(before.categories), listText(after.categories)},
        {QStringLiteral("tags"), listText(before.tags), listText(after.tags)},
        {QStringLiteral("status"), statusKey(before.status), statusKey(after.status)},
        {QStringLiteral("summary"), before.summary, after.summary},
        {QStringLiteral("description"), before.description, after.description},
        {QStringLiteral("contact_name"), before.contact.name, after.contact.name},
        {QStringLiteral("contact_role"), before.contact.role, after.contact.role},
        {QStringLiteral("contact_email"), before.contact.email, after.contact.email},
        {QStringLiteral("contact_email_public"), yesNo(before.contact.emailPublic), yesNo(after.contact.emailPublic)},
        {QStringLiteral("contact_phone"), before.contact.phone, after.contact.phone},
        {QStringLiteral("contact_phone_public"), yesNo(before.contact.phonePublic), yesNo(after.contact.phonePublic)},
        {QStringLiteral("partner_organisations"), listText(before.partnerOrganisations),
         listText(after.partnerOrganisations)},
        {QStringLiteral("target_groups"), listText(before.targetGroups), listText(after.targetGroups)},
        {QStringLiteral("age_range"), before.ageRange, after.ageRange},
        {QStringLiteral("stand_number"), before.standNumber, after.standNumber},
        {QStringLiteral("links"), listText(before.links), listText(after.links)},
        {QStringLiteral("declared_level"), QString::number(before.declaredLevel), QString::number(after.declaredLevel)},
        {QStringLiteral("evidence"), evidenceText(before.evidence), evidenceText(after.evidence)},
        {QStringLiteral("reviews"), reviewsText(before.reviews), reviewsText(after.reviews)},
        {QStringLiteral("panel_scores"), scoresText(before.scores), scoresText(after.scores)},
        {QStringLiteral("resubmission_of"), before.resubmissionOf, after.resubmissionOf},
    };
    QList<FieldChange> changed;
    for (const FieldChange& change : all) {
        if (change.before != change.after) {
            changed << change;
        }
    }
    return changed;
}

} // namespace spotlight
