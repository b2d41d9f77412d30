#pragma once

#include "CurationStatus.h"
#include "Evidence.h"
#include "Panel.h"
#include "Review.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

struct Contact
{
    QString name;
    QString role;
    QString email;
    // The contact agreed to their email being published. Without it, the booklet and the web
    // showcase print the name and role only; the catalogue and its exports for curators keep it.
    bool emailPublic = false;
    // A phone number to call them on, published on the same terms as the email: only when they
    // agreed to it.
    QString phone = {};
    bool phonePublic = false;

    bool isEmpty() const { return name.isEmpty() && role.isEmpty() && email.isEmpty() && phone.isEmpty(); }
    friend bool operator==(const Contact&, const Contact&) = default;
};

// One submitted practice project. Authorities, categories and the edition are held by name, so an
// exhibit reads the same in every front end and file format; the stores resolve them to rows.
struct Exhibit
{
    QString ref; // stable slug, unique in the catalogue
    QString title;
    QString leadAuthority;          // official name
    QStringList partnerAuthorities; // official names, in the order given
    QString edition;                // edition name, or empty
    QStringList categories;         // category names within the edition
    QStringList tags;               // normalised tag names, sorted
    CurationStatus status = CurationStatus::Draft;
    QString summary;
    QString description; // Markdown
    Contact contact;
    QStringList partnerOrganisations;
    QStringList targetGroups;
    QString ageRange;
    QString standNumber;
    QStringList links;
    // The level the submission claims for itself; the exhibit's level is the higher of this and
    // its best evidence.
    int declaredLevel = 0;
    int evidenceLevel = 0; // computed by the store, read-only for callers
    QList<Evidence> evidence;
    QList<Review> reviews;
    // Each panel reviewer's scores against the edition's criteria; curators' business, never published.
    QList<PanelScore> scores;
    // The ref of the exhibit of an earlier edition that this one submits again, or empty. A
    // resubmission is a new exhibit, so that a past edition's exhibit is never rewritten.
    QString resubmissionOf;
    QDateTime created;
    QDateTime updated;
    // Raised by every stored change to the exhibit; read-only for callers. A change made against an
    // exhibit read at one version is refused once the stored one has moved on (ConflictError).
    qint64 version = 0;

    QStringList authorities() const { return QStringList{leadAuthority} + partnerAuthorities; }
};

} // namespace spotlight
