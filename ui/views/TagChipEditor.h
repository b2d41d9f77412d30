#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;

namespace spotlight {

// Tags as removable chips, with a field that completes from the catalogue's tags. Enter or a
// comma adds what was typed (normalised); Backspace in the empty field removes the last chip.
class TagChipEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TagChipEditor(const QStringList& knownTags, QWidget* parent = nullptr);

    void setTags(const QStringList& tags);
    QStringList tags() const { return m_tags; }
    QLineEdit* field() const { return m_field; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addTyped();
    void rebuildChips();

    QStringList m_tags;
    QHBoxLayout* m_chips;
    QLineEdit* m_field;
};

} // namespace spotlight
