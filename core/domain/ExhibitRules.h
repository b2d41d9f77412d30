#pragma once

#include "Exhibit.h"

#include <QList>
#include <QString>

namespace spotlight {

// The limits every front end and importer applies to an exhibit before it is stored.
namespace ExhibitRules {

constexpr int MaxRefLength = 80;
constexpr int MaxTitleLength = 200;
constexpr int MaxSummaryLength = 600;
constexpr int MaxDescriptionLength = 100000;
constexpr int MaxShortFieldLength = 200; // names, roles, emails, age range, stand number

struct Problem
{
    QString field; // the CSV column / JSON key at fault
    QString message;
};

// Problems that need nothing but the exhibit itself: required fields, lengths, the email's and phone's form,
// evidence levels. Whether names resolve is for the importer and the stores to say.
QList<Problem> check(const Exhibit& exhibit);

bool isValidEmail(const QString& email);
// Digits with the spaces, brackets, dashes and leading + people write them with; 7 to 15 digits.
bool isValidPhone(const QString& phone);
// "tel:" and the number's digits (and its leading +), for a link that dials it.
QString phoneLink(const QString& phone);
// The digits that say which line `phone` is, with +44 written as the leading 0, so that two ways of
// writing one number compare equal.
QString phoneDigits(const QString& phone);
// An http or https address with a real host name.
bool isValidWebAddress(const QString& address);
// A link a published form may make live: a web address as above, "mailto:" a valid email, or
// "tel:" a valid phone number.
// Never "javascript:", "data:" or "file:", which could run code or reach a reader's own network.
bool isPublishableLink(const QString& href);
// Refs are letters, digits, '-', '_' and '.', starting with a letter or digit.
bool isValidRef(const QString& ref);

} // namespace ExhibitRules
} // namespace spotlight
