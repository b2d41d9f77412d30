#pragma once

#include "domain/Coverage.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace spotlight {

class Catalogue;

// View > Coverage: for one edition, the submissions each authority leads by category, shaded as
// the map shades authorities, and the authorities that sent nothing; saved as CSV or PDF for
// planning next cycle's outreach.
class CoverageDialog : public QDialog
{
    Q_OBJECT

public:
    CoverageDialog(const Catalogue& catalogue, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    const Coverage& coverage() const { return m_coverage; }
    void showEdition(const QString& edition);

private:
    void fill();
    void save();

    const Catalogue& m_catalogue;
    Coverage m_coverage;
    QComboBox* m_edition;
    QTableWidget* m_table;
    QLabel* m_silent;
};

} // namespace spotlight
