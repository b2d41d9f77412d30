#include "TestSupport.h"
#include "io/JsonCodec.h"

#include <QJsonDocument>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// Everything a person could see of an exhibit, for comparing states exactly.
QByteArray stateOf(const Catalogue& catalogue, const QString& ref)
{
    const auto exhibit = catalogue.exhibit(ref);
    return exhibit ? QJsonDocument(JsonCodec::toJson(*exhibit, true)).toJson() : QByteArray("absent");
}

} // namespace

TEST_CASE("Every change to exhibits can be undone and redone exactly", "[undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    QUndoStack* stack = catalogue->undoStack();
    const QString ref = QStringLiteral("merton-autism-mainstream-classrooms");
    const QByteArray original = stateOf(*catalogue, ref);

    Exhibit edited = *catalogue->exhibit(ref);
    edited.title = QStringLiteral("Autism in mainstream classrooms");
    edited.evidence.append(Evidence{
        EvidenceKind::CaseStudy, QStringLiteral("A made-up case study"), {}, 2, QDate(2025, 1, 5), {}, {}, {}});
    catalogue->updateExhibit(edited);
    const QByteArray afterEdit = stateOf(*catalogue, ref);
    CHECK(afterEdit != original);
    CHECK(catalogue->exhibit(ref)->evidenceLevel == 2);

    catalogue->addTags({ref, QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("pilot")});
    catalogue->setStatus({ref}, CurationStatus::Archived);
    catalogue->removeExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(stack->count() == 4);
    CHECK(stack->undoText() == QStringLiteral("Delete \"waltham-forest-mockingbird\""));

    stack->undo(); // the delete
    CHECK(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->tags.contains(QStringLiteral("pilot")));
    stack->undo(); // the status
    CHECK(catalogue->exhibit(ref)->status == CurationStatus::Showcased);
    stack->undo(); // the tags, on both
    CHECK_FALSE(
        catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->tags.contains(QStringLiteral("pilot")));
    CHECK(stateOf(*catalogue, ref) == afterEdit);
    stack->undo(); // the edit
    CHECK(stateOf(*catalogue, ref) == original);
    CHECK(catalogue->search(QStringLiteral("pilot"), 10).total == 0); // the search index followed
    CHECK(catalogue->check().isEmpty());

    stack->redo();
    CHECK(stateOf(*catalogue, ref) == afterEdit);
    stack->redo();
    stack->redo();
    stack->redo();
    CHECK_FALSE(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(catalogue->exhibit(ref)->status == CurationStatus::Archived);
    CHECK(catalogue->check().isEmpty());
    // Undo and redo are recorded in the history too.
    CHECK(catalogue->history(ref).first().action == QStringLiteral("redo"));
}

TEST_CASE("A change that fails is not put on the undo stack", "[undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit broken = *catalogue->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    broken.leadAuthority = QStringLiteral("Atlantis");
    CHECK_THROWS(catalogue->updateExhibit(broken));
    CHECK(catalogue->undoStack()->count() == 0);
}
