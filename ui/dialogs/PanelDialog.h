#pragma once

#include "Catalogue.h"
#include "domain/Category.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace spotlight {

// Edit > Sponsoring Panels: for one category of an edition, who sits on its panel, each reviewer's
// scores of each submission against the edition's criteria (a reviewer from the submission's own
// authority is marked and cannot score it), what the scores add up to, the review the panel agrees
// for one submission or for a selection at once, and the panel's pack as a PDF. Every change goes
// through the write path, one undoable step each, and the dialog follows changes made elsewhere.
class PanelDialog : public QDialog
{
    Q_OBJECT

public:
    PanelDialog(Catalogue& catalogue, QWidget* parent = nullptr);

    QComboBox* panelChoice() const { return m_panel; }
    QTableWidget* reviewerTable() const { return m_reviewers; }
    QTableWidget* submissionTable() const { return m_submissions; }
    QComboBox* scoringReviewer() const { return m_reviewer; }
    // The score chosen for each criterion (0: none) and the comments, in the edition's order.
    QList<QComboBox*> scoreChoices() const { return m_scores; }
    QList<QLineEdit*> commentFields() const { return m_comments; }
    QPlainTextEdit* feedbackField() const { return m_feedback; }
    QComboBox* recognitionChoice() const { return m_recognition; }

    void selectPanel(const QString& category);
    // Selects the submissions with these refs in the table; the first becomes the one scored.
    void selectSubmissions(const QStringList& refs);
    // Each returns false, with the reason shown, when the catalogue refuses.
    bool addReviewer(const Reviewer& reviewer);
    bool removeReviewer(const QString& name);
    bool saveScores();
    // The review in the form for the current submission.
    bool agreeCurrent();
    // The review the scores suggest for each selected submission that has scores, as one step.
    bool agreeSelected();
    bool writePack(const QString& path);

private:
    void reload();
    void fillReviewers();
    void fillSubmissions();
    void showScoring();
    void showAgreement();
    QStringList selectedRefs() const;
    std::optional<Catalogue::PanelReview> current() const;
    void updateEnabled();
    void say(const QString& message);

    Catalogue& m_catalogue;
    Category m_category;
    QStringList m_criteria;
    QList<Catalogue::PanelReview> m_reviews; // the category's submissions, as the table shows them
    QComboBox* m_panel;
    QLabel* m_sponsor;
    QTableWidget* m_reviewers;
    QLineEdit* m_newReviewer;
    QComboBox* m_newAuthority;
    QPushButton* m_addReviewer;
    QPushButton* m_removeReviewer;
    QTableWidget* m_submissions;
    QLabel* m_scoringTitle;
    QComboBox* m_reviewer;
    QLabel* m_conflict;
    QList<QComboBox*> m_scores;
    QList<QLineEdit*> m_comments;
    QWidget* m_criteriaForm;
    QPushButton* m_saveScores;
    QLabel* m_result;
    QComboBox* m_recognition;
    QDateEdit* m_agreedOn;
    QPlainTextEdit* m_feedback;
    QPushButton* m_agree;
    QPushButton* m_agreeSelected;
    QLabel* m_message;
    bool m_filling = false;
};

} // namespace spotlight
