// How the window reads for everyone (issue 15): on a dark palette, on a screen smaller than the
// window's usual size (200% scaling), and through a screen reader, which needs every control named.
#include "MainWindow.h"
#include "TestSupport.h"
#include "dialogs/ConnectDialog.h"
#include "dialogs/CoverageDialog.h"
#include "dialogs/EditionsDialog.h"
#include "dialogs/ExhibitEditor.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportWizard.h"
#include "dialogs/LettersDialog.h"
#include "dialogs/PanelDialog.h"
#include "dialogs/PublishDialog.h"
#include "dialogs/ReviewDialog.h"
#include "io/Contrast.h"
#include "views/DetailPane.h"
#include "views/ExhibitCardDelegate.h"

#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// A dark palette as a desktop theme sets it: dark window and base, light text, and the roles a
// theme often leaves alone (the link's pure blue) as Qt has them.
QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x2d, 0x2d, 0x2d));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, Qt::blue);
    return palette;
}

// Sets the application's palette for one test.
class PaletteForTest
{
public:
    explicit PaletteForTest(const QPalette& palette)
        : m_before(QApplication::palette())
    {
        QApplication::setPalette(palette);
    }
    ~PaletteForTest() { QApplication::setPalette(m_before); }
    PaletteForTest(const PaletteForTest&) = delete;
    PaletteForTest& operator=(const PaletteForTest&) = delete;

private:
    QPalette m_before;
};

Exhibit exhibitWithEverything()
{
    Exhibit exhibit;
    exhibit.ref = QStringLiteral("hackney-family-hubs");
    exhibit.title = QStringLiteral("Family Hubs");
    exhibit.leadAuthority = QStringLiteral("Hackney");
    exhibit.partnerAuthorities = {QStringLiteral("Islington")};
    exhibit.edition = QStringLiteral("Summit 2026");
    exhibit.summary = QStringLiteral("One front door for families.");
    exhibit.description = QStringLiteral("Practitioners from **five services** sit together.");
    exhibit.contact = {QStringLiteral("Ada Lovelace"), QStringLiteral("Service manager"),
                       QStringLiteral("ada@hackney.gov.uk"), true};
    exhibit.tags = {QStringLiteral("coloured"), QStringLiteral("plain")};
    exhibit.links = {QStringLiteral("https://hackney.gov.uk/family-hubs")};
    exhibit.evidence = {Evidence{EvidenceKind::EvaluationReport,
                                 QStringLiteral("Independent evaluation"),
                                 QStringLiteral("Waiting times halved."),
                                 3,
                                 QDate(2026, 3, 1),
                                 QStringLiteral("https://example.org/report"),
                                 {},
                                 {}}};
    exhibit.evidenceLevel = 3;
    exhibit.reviews = {Review{QStringLiteral("SEND panel"), QDate(2026, 4, 2), QStringLiteral("Two reviewers"),
                              QStringLiteral("Clear outcomes."), QStringLiteral("Letter of Recognition")}};
    return exhibit;
}

// Every run of text in the document with the colours it is drawn in, where its contrast is
// below what body text needs.
QStringList hardToRead(const QTextDocument& document, const QColor& text, const QColor& base)
{
    QStringList problems;
    auto check = [&](const QTextBlock& block, const QColor& cellBackground) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text().trimmed().isEmpty()) {
                continue;
            }
            const QTextCharFormat format = fragment.charFormat();
            const QColor foreground = format.foreground().style() == Qt::NoBrush ? text : format.foreground().color();
            const QColor background =
                format.background().style() == Qt::NoBrush ? cellBackground : format.background().color();
            const double ratio = Contrast::ratio(foreground, background);
            if (ratio < Contrast::Readable) {
                problems << QStringLiteral("\"%1\": %2 on %3, %4:1")
                                .arg(fragment.text().trimmed(), foreground.name(), background.name())
                                .arg(ratio, 0, 'f', 1);
            }
        }
    };
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QColor background = base;
        if (const auto* table = qobject_cast<QTextTable*>(QTextCursor(block).currentTable())) {
            const QTextTableCell cell = table->cellAt(QTextCursor(block));
            if (cell.format().background().style() != Qt::NoBrush) {
                background = cell.format().background().color();
            }
        }
        check(block, background);
    }
    return problems;
}

QStringList unreadableCardColours(const QPalette& palette)
{
    const ExhibitCardDelegate::Colours colours = ExhibitCardDelegate::colours(palette);
    const QList<std::tuple<const char*, QColor, QColor>> pairs{
        {"title and summary", colours.text, colours.card},
        {"authorities", colours.authorities, colours.card},
        {"level badge", colours.badgeText, colours.badge},
        {"badge without evidence", colours.noEvidenceText, colours.noEvidence},
        {"tag chip", colours.chipText, colours.chip},
    };
    QStringList problems;
    for (const auto& [what, foreground, background] : pairs) {
        if (Contrast::ratio(foreground, background) < Contrast::Readable) {
            problems
                << QStringLiteral("%1: %2 on %3").arg(QString::fromLatin1(what), foreground.name(), background.name());
        }
    }
    return problems;
}

bool interactive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTab:
    case QAccessible::Link:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
        return true;
    default:
        return false;
    }
}

// The controls a screen reader would announce without a name, under `root` as shown. The walk
// must have met at least `atLeast` controls, so that it cannot pass by seeing none.
QStringList unnamedControls(QWidget* root, int atLeast = 1)
{
    QStringList unnamed;
    int controls = 0;
    std::function<void(QAccessibleInterface*, const QString&)> walk = [&](QAccessibleInterface* node,
                                                                          const QString& path) {
        if (!node || !node->isValid() || node->state().invisible) {
            return;
        }
        QObject* object = node->object();
        const QString here =
            path + QLatin1Char('/') +
            (object ? QString::fromLatin1(object->metaObject()->className()) +
                          (object->objectName().isEmpty() ? QString() : QLatin1Char('#') + object->objectName())
                    : QStringLiteral("item"));
        if (interactive(node->role())) {
            ++controls;
            if (node->text(QAccessible::Name).trimmed().isEmpty()) {
                unnamed << here + QStringLiteral(" (%1)").arg(node->text(QAccessible::Description));
            }
        }
        // The cells of a list or table are named by what they hold.
        if (node->role() == QAccessible::List || node->role() == QAccessible::Table ||
            node->role() == QAccessible::Tree) {
            return;
        }
        for (int i = 0; i < node->childCount(); ++i) {
            walk(node->child(i), here);
        }
    };
    walk(QAccessible::queryAccessibleInterface(root), QString());
    INFO(root->metaObject()->className() << ": " << controls << " controls");
    CHECK(controls >= atLeast);
    return unnamed;
}

QStringList unnamedControlsShown(QWidget& dialog)
{
    dialog.show();
    const QStringList unnamed = unnamedControls(&dialog, 2);
    dialog.hide();
    return unnamed;
}

} // namespace

TEST_CASE("Under a dark palette, the detail pane's and the cards' text reads on its background", "[ui][appearance]")
{
    for (const bool dark : {true, false}) {
        INFO((dark ? "dark palette" : "light palette"));
        const PaletteForTest palette(dark ? darkPalette() : QApplication::style()->standardPalette());
        DetailPane pane;
        const QHash<QString, QString> tagColours{{QStringLiteral("coloured"), QStringLiteral("#f2c14e")}};
        pane.showExhibit(exhibitWithEverything(), tagColours,
                         {ExhibitMention{QStringLiteral("earlier"), QStringLiteral("The first Family Hubs"),
                                         QStringLiteral("Summit 2025"), 2025},
                          {}});
        const QPalette& colours = pane.palette();
        REQUIRE(pane.document()->toPlainText().contains(QStringLiteral("Level 3")));
        CHECK(hardToRead(*pane.document(), colours.color(QPalette::Text), colours.color(QPalette::Base)) ==
              QStringList());
        CHECK(unreadableCardColours(QApplication::palette()) == QStringList());
    }
}

TEST_CASE("Authority names keep a dark palette's own link colour where it reads", "[ui][appearance]")
{
    QPalette palette = darkPalette();
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    CHECK(ExhibitCardDelegate::colours(palette).authorities == QColor(0x8a, 0xb4, 0xf8));
    CHECK(ExhibitCardDelegate::colours(darkPalette()).authorities != QColor(Qt::blue));
    CHECK(Contrast::ratio(Qt::black, Qt::white) == Approx(21.0));
}

TEST_CASE("The window opens inside a screen smaller than its usual size, as at 200% scale", "[ui][appearance]")
{
    QSettings().remove(QStringLiteral("window/geometry"));
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    const QRect available = window.screen()->availableGeometry();
    INFO("screen " << available.width() << "x" << available.height() << ", window " << window.width() << "x"
                   << window.height());
    REQUIRE(available.width() < 1400); // the offscreen screen: smaller than the window would open
    CHECK(available.contains(window.geometry()));
}

TEST_CASE("Every control of the window and of each dialog has a name a screen reader can say", "[ui][accessibility]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Catalogue& seed = *catalogue;
    const QList<Exhibit> exhibits = seed.exhibits();
    MainWindow window(makeCatalogue(scratch, QStringLiteral("window.sqlite")));
    for (auto* dock : window.findChildren<QDockWidget*>()) {
        dock->show();
    }
    window.show();
    CHECK(unnamedControls(&window, 10) == QStringList());
    window.showCards(true);
    CHECK(unnamedControls(&window, 10) == QStringList());
    window.showCards(false);

    // And the walk does catch a control nobody named.
    QWidget form;
    auto* field = new QLineEdit(&form);
    form.show();
    CHECK(unnamedControls(&form).size() == 1);
    field->setAccessibleName(QStringLiteral("Borough"));
    CHECK(unnamedControls(&form) == QStringList());

    ConnectDialog connect(QStringLiteral("postgresql://curator@db.liia.london/spotlight"));
    CHECK(unnamedControlsShown(connect) == QStringList());
    CoverageDialog coverage(seed);
    CHECK(unnamedControlsShown(coverage) == QStringList());
    EditionsDialog editions(*catalogue);
    CHECK(unnamedControlsShown(editions) == QStringList());
    QStringList tags;
    for (const Tag& tag : seed.tags()) {
        tags << tag.name;
    }
    const ExhibitEditor::Choices choices{seed.authorities(), seed.editions(), seed.categories(), tags};
    ExhibitEditor newExhibit(choices, std::nullopt);
    CHECK(unnamedControlsShown(newExhibit) == QStringList());
    ExhibitEditor existing(choices, exhibitWithEverything());
    CHECK(unnamedControlsShown(existing) == QStringList());
    ExportDialog exportDialog(true, [](ExportDialog::Scope, int, const BookletOptions&, QPrinter&) {});
    CHECK(unnamedControlsShown(exportDialog) == QStringList());
    ImportWizard import(seed);
    CHECK(unnamedControlsShown(import) == QStringList());
    LettersDialog letters(seed, exhibits);
    CHECK(unnamedControlsShown(letters) == QStringList());
    PanelDialog panels(*catalogue);
    CHECK(unnamedControlsShown(panels) == QStringList());
    PublishDialog publish(true);
    CHECK(unnamedControlsShown(publish) == QStringList());
    ReviewDialog review({exhibits.first().title}, {QStringLiteral("SEND panel")},
                        {QStringLiteral("Letter of Recognition")});
    CHECK(unnamedControlsShown(review) == QStringList());
}
