#pragma once

#include <QDialog>
#include <QList>

#include <utility>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace spotlight {

// File > Connect to Team Catalogue: where the team's catalogue is (server, port, database, user and
// whether the connection must be encrypted), shown as the postgresql:// address the command line
// takes, so a curator can copy it for `spotlight-cli --db`. No password field: libpq finds one in
// ~/.pgpass, and the window asks only when the server wants one it cannot find.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    // Filled in from `address` when it is a team catalogue's, else from the last one connected to.
    explicit ConnectDialog(const QString& address, QWidget* parent = nullptr);

    // The address made of what is filled in: what File > Open Recent and --db take.
    QString address() const;
    // Remembers the address as the one to fill in next time.
    static void rememberAddress(const QString& address);

    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portEdit() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QComboBox* encryptionChoice() const { return m_encryption; }
    QPushButton* connectButton() const { return m_connect; }

private:
    void fillFrom(const QString& address);
    void showAddress();

    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QComboBox* m_encryption;
    QLabel* m_address;
    QDialogButtonBox* m_buttons;
    QPushButton* m_connect = nullptr;
    QList<std::pair<QString, QString>> m_otherOptions;
};

} // namespace spotlight
