#pragma once

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QTimer;

namespace spotlight {

// The search field: the query language with completion of field names, authorities, categories
// and tags; a broken query's message shown under it. Ctrl+F focuses it (set by the window), Esc
// clears it. It announces the query once typing pauses.
class SearchBar : public QWidget
{
    Q_OBJECT

public:
    explicit SearchBar(QWidget* parent = nullptr);

    QString query() const;
    void setQuery(const QString& query); // announces it at once
    void setCompletions(const QStringList& words);
    void showError(const QString& message, int column);
    void clearError();
    QLineEdit* lineEdit() const { return m_edit; }

Q_SIGNALS:
    void queryChanged(const QString& query);
    // Esc in the field: the person is done typing and goes to the results, the query kept. A
    // second Esc, there, clears it (the window's part).
    void leaveRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void complete(const QString& completion);
    void updateCompletionPrefix();

    QLineEdit* m_edit;
    QLabel* m_error;
    QCompleter* m_completer;
    QStringListModel* m_words;
    QTimer* m_pause;
};

} // namespace spotlight
