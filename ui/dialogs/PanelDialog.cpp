#include "PanelDialog.h"

#include "Error.h"
#include "FileDialogs.h"
#include "publishing/PanelPackPublisher.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spotlight {
namespace {

QString oneDecimal(double value)
{
    return value > 0 ? QString::number(value, 'f', 1) : QStringLiteral("–");
}

QTableWidgetItem* readOnlyItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

PanelDialog::PanelDialog(Catalogue& catalogue, QWidget* parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_panel(new QComboBox(this))
    , m_sponsor(new QLabel(this))
    , m_reviewers(new QTableWidget(this))
    , m_newReviewer(new QLineEdit(this))
    , m_newAuthority(new QComboBox(this))
    , m_addReviewer(new QPushButton(tr("&Add Reviewer"), this))
    , m_removeReviewer(new QPushButton(tr("Re&move Reviewer"), this))
    , m_submissions(new QTableWidget(this))
    , m_scoringTitle(new QLabel(this))
    , m_reviewer(new QComboBox(this))
    , m_conflict(new QLabel(this))
    , m_criteriaForm(new QWidget(this))
    , m_saveScores(new QPushButton(tr("&Save Scores"), this))
    , m_result(new QLabel(this))
    , m_recognition(new QComboBox(this))
    , m_agreedOn(new QDateEdit(QDate::currentDate(), this))
    , m_feedback(new QPlainTextEdit(this))
    , m_agree(new QPushButton(tr("Record A&greed Review"), this))
    , m_agreeSelected(new QPushButton(tr("Agree All Se&lected"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Sponsoring Panels"));
    resize(1280, 820);

    auto* panelLabel = new QLabel(tr("&Panel for the category:"), this);
    panelLabel->setBuddy(m_panel);
    m_panel->setAccessibleName(tr("Category whose panel to show"));
    const QString edition = m_catalogue.currentEdition().value_or(Edition{}).name;
    for (const Category& category : m_catalogue.categories(edition)) {
        m_panel->addItem(category.name);
    }
    m_sponsor->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Who sits on the panel.
    m_reviewers->setColumnCount(2);
    m_reviewers->setHorizontalHeaderLabels({tr("Reviewer"), tr("Authority")});
    m_reviewers->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_reviewers->verticalHeader()->hide();
    m_reviewers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reviewers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_reviewers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reviewers->setAccessibleName(tr("Reviewers on this panel"));
    m_newReviewer->setPlaceholderText(tr("Name of a new reviewer"));
    m_newReviewer->setAccessibleName(tr("Name of a new reviewer"));
    m_newAuthority->setAccessibleName(tr("Authority the new reviewer works for"));
    m_newAuthority->addItem(tr("Not from a borough"), QString());
    for (const Authority& authority : m_catalogue.authorities()) {
        m_newAuthority->addItem(authority.shortName.isEmpty() ? authority.name : authority.shortName, authority.name);
    }
    auto* reviewersBox = new QGroupBox(tr("Reviewers"), this);
    auto* reviewersLayout = new QVBoxLayout(reviewersBox);
    reviewersLayout->addWidget(m_reviewers, 1);
    reviewersLayout->addWidget(m_newReviewer);
    reviewersLayout->addWidget(m_newAuthority);
    auto* reviewerButtons = new QHBoxLayout;
    reviewerButtons->addWidget(m_addReviewer);
    reviewerButtons->addWidget(m_removeReviewer);
    reviewersLayout->addLayout(reviewerButtons);
    auto* conflictNote = new QLabel(tr("A reviewer from a submission's own authority has a conflict of interest "
                                       "and does not score it."),
                                    this);
    conflictNote->setWordWrap(true);
    reviewersLayout->addWidget(conflictNote);

    // The category's submissions and where their scores stand.
    m_submissions->setColumnCount(7);
    m_submissions->setHorizontalHeaderLabels({tr("Submission"), tr("Authorities"), tr("Scored by"), tr("Overall"),
                                              tr("Suggests"), tr("Agreed"), tr("Conflict")});
    m_submissions->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_submissions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_submissions->verticalHeader()->hide();
    m_submissions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_submissions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_submissions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_submissions->setAccessibleName(tr("Submissions in this category"));
    m_submissions->setColumnWidth(1, 190);
    m_submissions->setColumnWidth(2, 90);
    m_submissions->setColumnWidth(3, 70);
    m_submissions->setColumnWidth(4, 160);
    m_submissions->setColumnWidth(5, 160);
    m_submissions->setColumnWidth(6, 130);

    // One reviewer's scores of the current submission.
    m_scoringTitle->setWordWrap(true);
    auto* reviewerLabel = new QLabel(tr("Scores given &by:"), this);
    reviewerLabel->setBuddy(m_reviewer);
    m_reviewer->setAccessibleName(tr("Reviewer whose scores to record"));
    m_conflict->setWordWrap(true);
    m_conflict->setObjectName(QStringLiteral("PanelConflict"));
    auto* scoringBox = new QGroupBox(tr("Scoring"), this);
    auto* scoringLayout = new QVBoxLayout(scoringBox);
    scoringLayout->addWidget(m_scoringTitle);
    auto* reviewerRow = new QHBoxLayout;
    reviewerRow->addWidget(reviewerLabel);
    reviewerRow->addWidget(m_reviewer, 1);
    scoringLayout->addLayout(reviewerRow);
    scoringLayout->addWidget(m_conflict);
    scoringLayout->addWidget(m_criteriaForm);
    scoringLayout->addStretch();
    scoringLayout->addWidget(m_saveScores, 0, Qt::AlignRight);

    // What the panel agrees.
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recognition->setEditable(true);
    m_recognition->addItems(Panel::recognitions());
    m_recognition->setAccessibleName(tr("Agreed recognition"));
    m_recognition->lineEdit()->setAccessibleName(m_recognition->accessibleName());
    m_agreedOn->setCalendarPopup(true);
    m_agreedOn->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    m_agreedOn->setAccessibleName(tr("Date the panel agreed"));
    m_feedback->setTabChangesFocus(true);
    m_feedback->setAccessibleName(tr("Agreed feedback, as the letter will give it"));
    auto* agreementBox = new QGroupBox(tr("The panel's agreed review"), this);
    auto* agreementForm = new QGridLayout(agreementBox);
    agreementForm->addWidget(m_result, 0, 0, 1, 2);
    auto* recognitionLabel = new QLabel(tr("&Recognition:"), this);
    recognitionLabel->setBuddy(m_recognition);
    agreementForm->addWidget(recognitionLabel, 1, 0);
    agreementForm->addWidget(m_recognition, 1, 1);
    auto* dateLabel = new QLabel(tr("Agreed &on:"), this);
    dateLabel->setBuddy(m_agreedOn);
    agreementForm->addWidget(dateLabel, 2, 0);
    agreementForm->addWidget(m_agreedOn, 2, 1);
    auto* feedbackLabel = new QLabel(tr("&Feedback:"), this);
    feedbackLabel->setBuddy(m_feedback);
    agreementForm->addWidget(feedbackLabel, 3, 0, Qt::AlignTop);
    agreementForm->addWidget(m_feedback, 3, 1);
    auto* agreeButtons = new QHBoxLayout;
    agreeButtons->addStretch();
    agreeButtons->addWidget(m_agreeSelected);
    agreeButtons->addWidget(m_agree);
    agreementForm->addLayout(agreeButtons, 4, 0, 1, 2);
    m_agreeSelected->setToolTip(tr("Record the review each selected submission's scores suggest, in one step"));

    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("PanelMessage"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* pack = buttons->addButton(tr("Panel Pac&k PDF…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(pack, &QPushButton::clicked, this, [this] {
        const QString path = FileDialogs::getSaveFileName(
            this, tr("Save the panel pack"), PanelPackPublisher::fileNameFor(m_category), tr("PDF documents (*.pdf)"));
        if (!path.isEmpty()) {
            writePack(path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".pdf"));
        }
    });

    auto* top = new QHBoxLayout;
    top->addWidget(panelLabel);
    top->addWidget(m_panel, 1);
    top->addWidget(m_sponsor, 1);
    auto* lower = new QHBoxLayout;
    lower->addWidget(scoringBox, 1);
    lower->addWidget(agreementBox, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_submissions, 1);
    right->addLayout(lower, 1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(reviewersBox);
    middle->addLayout(right, 1);
    reviewersBox->setMaximumWidth(330);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(middle, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_panel, &QComboBox::currentTextChanged, this, &PanelDialog::reload);
    connect(m_addReviewer, &QPushButton::clicked, this, [this] {
        if (addReviewer(Reviewer{m_newReviewer->text().trimmed(), m_newAuthority->currentData().toString()})) {
            m_newReviewer->clear();
        }
    });
    connect(m_newReviewer, &QLineEdit::returnPressed, m_addReviewer, &QPushButton::click);
    connect(m_removeReviewer, &QPushButton::clicked, this, [this] {
        const int row = m_reviewers->currentRow();
        if (row >= 0) {
            removeReviewer(m_reviewers->item(row, 0)->text());
        }
    });
    connect(m_reviewers, &QTableWidget::itemSelectionChanged, this, &PanelDialog::updateEnabled);
    connect(m_submissions, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_filling) {
            showScoring();
            showAgreement();
        }
    });
    connect(m_reviewer, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            showScoring();
        }
    });
    connect(m_saveScores, &QPushButton::clicked, this, &PanelDialog::saveScores);
    connect(m_agree, &QPushButton::clicked, this, &PanelDialog::agreeCurrent);
    connect(m_agreeSelected, &QPushButton::clicked, this, &PanelDialog::agreeSelected);
    // Another window, the command line or a colleague on the server may score at the same time.
    connect(&m_catalogue, &Catalogue::changed, this, [this] {
        fillSubmissions();
        showAgreement();
    });

    reload();
}

void PanelDialog::selectPanel(const QString& category)
{
    m_panel->setCurrentText(category);
}

void PanelDialog::selectSubmissions(const QStringList& refs)
{
    m_submissions->clearSelection();
    for (int row = 0; row < m_reviews.size(); ++row) {
        if (refs.contains(m_reviews.at(row).exhibit.ref)) {
            if (m_reviews.at(row).exhibit.ref == refs.value(0)) {
                m_submissions->setCurrentCell(row, 0, QItemSelectionModel::Rows | QItemSelectionModel::Select);
            } else {
                m_submissions->selectionModel()->select(m_submissions->model()->index(row, 0),
                                                        QItemSelectionModel::Rows | QItemSelectionModel::Select);
            }
        }
    }
}

void PanelDialog::reload()
{
    m_category = Category{};
    m_criteria.clear();
    if (!m_panel->currentText().isEmpty()) {
        try {
            m_category = m_catalogue.requirePanel(m_panel->currentText());
        } catch (const Error& error) {
            say(error.message());
        }
    }
    m_criteria = m_catalogue.criteriaOf(m_category.edition);
    m_sponsor->setText(m_category.sponsor.isEmpty()
                           ? QString()
                           : tr("Sponsored by %1, %2").arg(m_category.sponsor, m_category.edition));
    // A row per criterion: what to score against is the edition's, and changes with it.
    delete m_criteriaForm->layout();
    qDeleteAll(m_criteriaForm->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
    m_scores.clear();
    m_comments.clear();
    auto* grid = new QGridLayout(m_criteriaForm);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(2, 1);
    for (int i = 0; i < m_criteria.size(); ++i) {
        auto* label = new QLabel(m_criteria.at(i), m_criteriaForm);
        auto* score = new QComboBox(m_criteriaForm);
        score->addItem(tr("not scored"), 0);
        for (int value = PanelScore::Lowest; value <= PanelScore::Highest; ++value) {
            score->addItem(QString::number(value), value);
        }
        score->setAccessibleName(
            tr("Score for %1, %2 to %3").arg(m_criteria.at(i)).arg(PanelScore::Lowest).arg(PanelScore::Highest));
        label->setBuddy(score);
        auto* comment = new QLineEdit(m_criteriaForm);
        comment->setPlaceholderText(tr("A short comment"));
        comment->setAccessibleName(tr("Comment on %1").arg(m_criteria.at(i)));
        grid->addWidget(label, i, 0);
        grid->addWidget(score, i, 1);
        grid->addWidget(comment, i, 2);
        m_scores << score;
        m_comments << comment;
    }
    if (m_criteria.isEmpty()) {
        grid->addWidget(new QLabel(tr("This edition has no criteria yet: add them in Edit ▸ Editions and "
                                      "Categories."),
                                   m_criteriaForm),
                        0, 0);
    }
    fillReviewers();
    fillSubmissions();
    if (!m_reviews.isEmpty()) {
        m_submissions->selectRow(0);
    }
    showScoring();
    showAgreement();
}

void PanelDialog::fillReviewers()
{
    m_reviewers->setRowCount(int(m_category.reviewers.size()));
    const QString chosen = m_reviewer->currentText();
    m_filling = true;
    m_reviewer->clear();
    for (int i = 0; i < m_category.reviewers.size(); ++i) {
        const Reviewer& reviewer = m_category.reviewers.at(i);
        m_reviewers->setItem(i, 0, readOnlyItem(reviewer.name));
        m_reviewers->setItem(i, 1, readOnlyItem(reviewer.authority));
        m_reviewer->addItem(reviewer.name);
    }
    m_reviewer->setCurrentText(chosen);
    m_filling = false;
    updateEnabled();
}

void PanelDialog::fillSubmissions()
{
    const QStringList selected = selectedRefs();
    m_reviews = m_category.name.isEmpty() ? QList<Catalogue::PanelReview>{} : m_catalogue.panelReviews(m_category);
    m_filling = true;
    m_submissions->setRowCount(int(m_reviews.size()));
    const int free = int(m_category.reviewers.size());
    for (int row = 0; row < m_reviews.size(); ++row) {
        const auto& [exhibit, result] = m_reviews.at(row);
        auto* title = readOnlyItem(exhibit.title);
        title->setData(Qt::UserRole, exhibit.ref);
        m_submissions->setItem(row, 0, title);
        m_submissions->setItem(row, 1, readOnlyItem(exhibit.authorities().join(QStringLiteral(", "))));
        m_submissions->setItem(
            row, 2, readOnlyItem(tr("%1 of %2").arg(result.counted.size()).arg(free - result.conflicted.size())));
        m_submissions->setItem(row, 3, readOnlyItem(oneDecimal(result.overall)));
        m_submissions->setItem(row, 4, readOnlyItem(result.recognition()));
        // What this panel last agreed, so that a curator sees which submissions are done.
        QString recorded;
        for (const Review& review : exhibit.reviews) {
            if (review.panel == Panel::nameOf(m_category)) {
                recorded = review.recognition;
            }
        }
        m_submissions->setItem(row, 5, readOnlyItem(recorded));
        m_submissions->setItem(row, 6, readOnlyItem(result.conflicted.join(QStringLiteral(", "))));
    }
    m_filling = false;
    selectSubmissions(selected);
}

QStringList PanelDialog::selectedRefs() const
{
    QStringList refs;
    const int currentRow = m_submissions->currentRow();
    if (currentRow >= 0 && m_submissions->item(currentRow, 0) && m_submissions->item(currentRow, 0)->isSelected()) {
        refs << m_submissions->item(currentRow, 0)->data(Qt::UserRole).toString();
    }
    for (const QModelIndex& index : m_submissions->selectionModel()->selectedRows()) {
        const QString ref = m_submissions->item(index.row(), 0)->data(Qt::UserRole).toString();
        if (!refs.contains(ref)) {
            refs << ref;
        }
    }
    return refs;
}

std::optional<Catalogue::PanelReview> PanelDialog::current() const
{
    const QString ref = selectedRefs().value(0);
    for (const Catalogue::PanelReview& review : m_reviews) {
        if (review.exhibit.ref == ref) {
            return review;
        }
    }
    return std::nullopt;
}

void PanelDialog::showScoring()
{
    const std::optional<Catalogue::PanelReview> review = current();
    const QString reviewer = m_reviewer->currentText();
    m_scoringTitle->setText(review ? tr("<b>%1</b>").arg(review->exhibit.title.toHtmlEscaped())
                                   : tr("Choose a submission to score."));
    bool conflicted = false;
    for (const Reviewer& member : m_category.reviewers) {
        if (review && member.name == reviewer && Panel::hasConflict(member, review->exhibit)) {
            conflicted = true;
            m_conflict->setText(tr("Conflict of interest: %1 is from %2, an authority of this submission, and "
                                   "does not score it.")
                                    .arg(member.name, member.authority));
        }
    }
    m_conflict->setVisible(conflicted);
    for (int i = 0; i < m_criteria.size(); ++i) {
        int value = 0;
        QString comment;
        if (review) {
            for (const PanelScore& score : review->exhibit.scores) {
                if (score.reviewer == reviewer && score.criterion == m_criteria.at(i)) {
                    value = score.score;
                    comment = score.comment;
                }
            }
        }
        m_scores.at(i)->setCurrentIndex(m_scores.at(i)->findData(value));
        m_comments.at(i)->setText(comment);
        m_scores.at(i)->setEnabled(review && !reviewer.isEmpty() && !conflicted);
        m_comments.at(i)->setEnabled(m_scores.at(i)->isEnabled());
    }
    updateEnabled();
}

void PanelDialog::showAgreement()
{
    const std::optional<Catalogue::PanelReview> review = current();
    if (!review) {
        m_result->setText(tr("Choose a submission to see what its scores add up to."));
        m_feedback->clear();
        updateEnabled();
        return;
    }
    const PanelResult& result = review->result;
    QStringList means;
    for (const PanelResult::Criterion& criterion : result.criteria) {
        means << tr("%1 %2").arg(criterion.name, oneDecimal(criterion.mean));
    }
    QString text = result.hasScores() ? tr("Scored by %1: %2; overall %3 of %4.")
                                            .arg(result.counted.join(QStringLiteral(", ")),
                                                 means.join(QStringLiteral(", ")), oneDecimal(result.overall))
                                            .arg(PanelScore::Highest)
                                      : tr("Nobody on the panel has scored this submission yet.");
    if (!result.waitingFor.isEmpty()) {
        text += QLatin1Char(' ') + tr("Still to score: %1.").arg(result.waitingFor.join(QStringLiteral(", ")));
    }
    m_result->setText(text);
    m_recognition->setCurrentText(result.recognition());
    m_feedback->setPlainText(result.feedback());
    updateEnabled();
}

void PanelDialog::updateEnabled()
{
    const bool writable = !m_catalogue.isReadOnly();
    const std::optional<Catalogue::PanelReview> review = current();
    m_addReviewer->setEnabled(writable && !m_category.name.isEmpty());
    m_removeReviewer->setEnabled(writable && m_reviewers->currentRow() >= 0 &&
                                 !m_reviewers->selectionModel()->selectedRows().isEmpty());
    m_saveScores->setEnabled(writable && review && !m_scores.isEmpty() && m_scores.first()->isEnabled());
    m_agree->setEnabled(writable && review && !m_recognition->currentText().trimmed().isEmpty());
    m_agreeSelected->setEnabled(writable && selectedRefs().size() > 1);
}

void PanelDialog::say(const QString& message)
{
    m_message->setText(message);
}

bool PanelDialog::addReviewer(const Reviewer& reviewer)
{
    if (reviewer.name.isEmpty()) {
        say(tr("Type the new reviewer's name first."));
        return false;
    }
    Category changed = m_category;
    changed.reviewers.removeIf([&](const Reviewer& existing) { return existing.name == reviewer.name; });
    changed.reviewers << reviewer;
    try {
        m_catalogue.curation().saveCategory(m_category.name, changed);
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
    say(tr("%1 sits on the panel of \"%2\".").arg(reviewer.name, m_category.name));
    reload();
    m_reviewer->setCurrentText(reviewer.name);
    return true;
}

bool PanelDialog::removeReviewer(const QString& name)
{
    Category changed = m_category;
    changed.reviewers.removeIf([&](const Reviewer& existing) { return existing.name == name; });
    try {
        m_catalogue.curation().saveCategory(m_category.name, changed);
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
    say(tr("%1 no longer sits on the panel; the scores they gave are kept. Undo puts them back on it.").arg(name));
    reload();
    return true;
}

bool PanelDialog::saveScores()
{
    const std::optional<Catalogue::PanelReview> review = current();
    const QString reviewer = m_reviewer->currentText();
    if (!review || reviewer.isEmpty()) {
        return false;
    }
    QList<PanelScore> scores;
    QStringList clearing;
    for (int i = 0; i < m_criteria.size(); ++i) {
        const int value = m_scores.at(i)->currentData().toInt();
        if (value == 0) {
            clearing << m_criteria.at(i);
        } else {
            scores.append(PanelScore{reviewer, m_criteria.at(i), value, m_comments.at(i)->text().trimmed()});
        }
    }
    try {
        m_catalogue.curation().recordScores(review->exhibit.ref, reviewer, scores, clearing);
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
    say(tr("Saved %1's scores of \"%2\".").arg(reviewer, review->exhibit.title));
    fillSubmissions();
    showAgreement();
    return true;
}

bool PanelDialog::agreeCurrent()
{
    const std::optional<Catalogue::PanelReview> review = current();
    if (!review) {
        return false;
    }
    Review agreed = Panel::agreedReview(m_category, review->result, m_agreedOn->date());
    agreed.recognition = m_recognition->currentText().trimmed();
    agreed.feedback = m_feedback->toPlainText().trimmed();
    try {
        m_catalogue.curation().recordAgreedReviews({{review->exhibit.ref, agreed}},
                                                   {{review->exhibit.ref, review->exhibit.version}});
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
    say(tr("Recorded the panel's agreed review of \"%1\": %2. Its letter will carry this feedback.")
            .arg(review->exhibit.title, agreed.recognition));
    return true;
}

bool PanelDialog::agreeSelected()
{
    const QStringList refs = selectedRefs();
    QList<std::pair<QString, Review>> agreed;
    ExpectedVersions expected;
    QStringList unscored;
    for (const Catalogue::PanelReview& review : m_reviews) {
        if (!refs.contains(review.exhibit.ref)) {
            continue;
        }
        if (!review.result.hasScores()) {
            unscored << review.exhibit.title;
            continue;
        }
        agreed.append({review.exhibit.ref, Panel::agreedReview(m_category, review.result, m_agreedOn->date())});
        expected.insert(review.exhibit.ref, review.exhibit.version);
    }
    if (agreed.isEmpty()) {
        say(tr("None of the selected submissions has scores yet, so there is nothing to agree."));
        return false;
    }
    try {
        m_catalogue.curation().recordAgreedReviews(agreed, expected);
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
    QString message = tr("Recorded the agreed review of %n submission(s) from their scores, as one step.", nullptr,
                         int(agreed.size()));
    if (!unscored.isEmpty()) {
        message += QLatin1Char(' ') + tr("Not scored yet, so left alone: %1.").arg(unscored.join(QStringLiteral("; ")));
    }
    say(message);
    return true;
}

bool PanelDialog::writePack(const QString& path)
{
    try {
        const int pages = PanelPackPublisher(m_catalogue).write(m_category, path);
        say(tr("Wrote the panel pack of \"%1\" (%n page(s)) to %2.", nullptr, pages).arg(m_category.name, path));
        return true;
    } catch (const Error& error) {
        say(error.message());
        return false;
    }
}

} // namespace spotlight
