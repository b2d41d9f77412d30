// Edit > Sponsoring Panels, driven as a curator would: reviewers added, scores typed in from the
// paper sheets, a conflict shown, and the panel's reviews agreed one at a time and for a selection.
#include "dialogs/PanelDialog.h"

#include "TestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Send = QStringLiteral("Impact for children with SEND");
const QString Merton = QStringLiteral("merton-autism-mainstream-classrooms");
const QString Enfield = QStringLiteral("enfield-communication-advisory-support-service");

void score(PanelDialog& dialog, const QString& reviewer, const QList<int>& scores, const QString& comment = {})
{
    dialog.scoringReviewer()->setCurrentText(reviewer);
    for (int i = 0; i < scores.size(); ++i) {
        QComboBox* choice = dialog.scoreChoices().at(i);
        choice->setCurrentIndex(choice->findData(scores.at(i)));
    }
    dialog.commentFields().first()->setText(comment);
    REQUIRE(dialog.saveScores());
}

} // namespace

TEST_CASE("A panel's scores are typed in, a conflict is shown, and its reviews are agreed", "[ui][panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    PanelDialog dialog(*catalogue);
    dialog.show();
    dialog.selectPanel(Send);
    REQUIRE(dialog.submissionTable()->rowCount() == 2);
    CHECK(dialog.scoreChoices().size() == 3); // the edition's three criteria

    REQUIRE(dialog.addReviewer(Reviewer{QStringLiteral("Ada Okafor"), QStringLiteral("Hackney")}));
    REQUIRE(dialog.addReviewer(Reviewer{QStringLiteral("Cara Merritt"), QStringLiteral("Merton")}));
    CHECK(dialog.reviewerTable()->rowCount() == 2);
    CHECK(catalogue->requirePanel(Send).reviewers.size() == 2);

    // Cara is from Merton: her fields are closed on Merton's submission, and the reason shown.
    dialog.selectSubmissions({Merton});
    dialog.scoringReviewer()->setCurrentText(QStringLiteral("Cara Merritt"));
    CHECK_FALSE(dialog.scoreChoices().first()->isEnabled());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("PanelConflict"))->text().contains(QStringLiteral("Merton")));

    score(dialog, QStringLiteral("Ada Okafor"), {4, 4, 3}, QStringLiteral("A clear model"));
    CHECK(catalogue->requireExhibit(Merton).scores.size() == 3);
    CHECK(dialog.recognitionChoice()->currentText() == QStringLiteral("Exemplary practice"));
    CHECK(dialog.feedbackField()->toPlainText().contains(QStringLiteral("• A clear model")));

    // The curator words the feedback before agreeing it.
    dialog.feedbackField()->setPlainText(QStringLiteral("The panel admired the training pack."));
    REQUIRE(dialog.agreeCurrent());
    const Review agreed = catalogue->requireExhibit(Merton).reviews.last();
    CHECK(agreed.feedback == QStringLiteral("The panel admired the training pack."));
    CHECK(agreed.recognition == QStringLiteral("Exemplary practice"));
    CHECK(agreed.panel == catalogue->requirePanel(Send).sponsor);

    // Both selected: Enfield has no scores, so only Merton's review is agreed again, as one step.
    dialog.selectSubmissions({Enfield, Merton});
    const int steps = catalogue->undoStack()->count();
    REQUIRE(dialog.agreeSelected());
    CHECK(catalogue->undoStack()->count() == steps + 1);
    CHECK(catalogue->requireExhibit(Enfield).reviews.isEmpty());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("PanelMessage"))->text().contains(QStringLiteral("Not scored yet")));

    // A score typed in another window shows here without reopening the dialog.
    auto other = Catalogue::open(catalogue->path());
    other->curation().recordScores(Enfield, QStringLiteral("Ada Okafor"),
                                   {PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Impact"), 2}});
    catalogue->pollForChanges();
    dialog.selectSubmissions({Enfield});
    CHECK(dialog.scoreChoices().first()->currentData().toInt() == 2);

    const QString pack = scratch.path(QStringLiteral("pack.pdf"));
    CHECK(dialog.writePack(pack));
    CHECK(pdfPageText(pack, 1).contains(QStringLiteral("Cara Merritt (Merton)")));
}
