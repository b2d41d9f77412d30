#pragma once

#include "domain/Review.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace spotlight {

// Edit > Record Review: a sponsoring panel's review of one exhibit, or the same review of each of
// the selected exhibits.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    // `titles` are the exhibits reviewed. `panels` and `recognitions` are offered as the names used
    // so far; any other may be typed.
    ReviewDialog(const QStringList& titles, const QStringList& panels, const QStringList& recognitions,
                 QWidget* parent = nullptr);
    Review review() const;

private:
    QComboBox* m_panel;
    QDateEdit* m_date;
    QLineEdit* m_reviewers;
    QComboBox* m_recognition;
    QPlainTextEdit* m_feedback;
};

} // namespace spotlight
