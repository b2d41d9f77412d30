#include "ConnectDialog.h"

#include "Error.h"
#include "storage/ServerAddress.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace spotlight {
namespace {

const QString LastAddressKey = QStringLiteral("server/lastAddress");
constexpr int DefaultPort = 5432;

// libpq's sslmode values, in the words a curator chooses between. "prefer" is libpq's own default,
// so an address that says nothing means it.
struct EncryptionMode
{
    const char* sslmode;
    const char* words;
};
const EncryptionMode EncryptionModes[] = {
    {"prefer", QT_TRANSLATE_NOOP("ConnectDialog", "Encrypted when the server offers it")},
    {"require", QT_TRANSLATE_NOOP("ConnectDialog", "Always encrypted")},
    {"verify-ca", QT_TRANSLATE_NOOP("ConnectDialog", "Always encrypted, server certificate checked")},
    {"verify-full", QT_TRANSLATE_NOOP("ConnectDialog", "Always encrypted, server certificate and name checked")},
    {"disable", QT_TRANSLATE_NOOP("ConnectDialog", "Never encrypted (only on a trusted network)")},
};

} // namespace

ConnectDialog::ConnectDialog(const QString& address, QWidget* parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_encryption(new QComboBox(this))
    , m_address(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ConnectDialog"));
    setWindowTitle(tr("Connect to a Team Catalogue"));
    auto* explanation = new QLabel(tr("A team catalogue lives on a PostgreSQL server that every curator connects "
                                      "to. Your changes reach the others as you make them, and theirs reach you."),
                                   this);
    explanation->setWordWrap(true);

    m_host->setObjectName(QStringLiteral("ServerHost"));
    m_host->setPlaceholderText(tr("for example db.liia.london"));
    m_port->setRange(1, 65535);
    m_port->setValue(DefaultPort);
    m_port->setObjectName(QStringLiteral("ServerPort"));
    m_database->setObjectName(QStringLiteral("ServerDatabase"));
    m_user->setObjectName(QStringLiteral("ServerUser"));
    m_user->setPlaceholderText(tr("your login name (%1)").arg(qEnvironmentVariable("USER")));
    m_encryption->setObjectName(QStringLiteral("ServerEncryption"));
    for (const EncryptionMode& mode : EncryptionModes) {
        m_encryption->addItem(tr(mode.words), QLatin1String(mode.sslmode));
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Encryption:"), m_encryption);

    // The same address the command line takes: `spotlight-cli --db ADDRESS`.
    m_address->setObjectName(QStringLiteral("ServerAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_address->setWordWrap(true);
    auto* addressLabel = new QLabel(tr("Address (for spotlight-cli --db):"), this);
    addressLabel->setBuddy(m_address);

    auto* passwords = new QLabel(tr("Passwords are read from ~/.pgpass. When the server wants one that is not "
                                    "there, you are asked, and it is kept only until Spotlight closes."),
                                 this);
    passwords->setWordWrap(true);

    m_connect = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("ConnectButton"));
    m_connect->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(addressLabel);
    layout->addWidget(m_address);
    layout->addWidget(passwords);
    layout->addWidget(m_buttons);

    m_database->setText(QStringLiteral("spotlight"));
    fillFrom(QSettings().value(LastAddressKey).toString());
    fillFrom(address);
    for (QLineEdit* edit : {m_host, m_database, m_user}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::showAddress);
    }
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectDialog::showAddress);
    connect(m_encryption, &QComboBox::currentIndexChanged, this, &ConnectDialog::showAddress);
    showAddress();
    resize(560, sizeHint().height());
}

void ConnectDialog::fillFrom(const QString& address)
{
    ServerAddress server;
    try {
        server = ServerAddress::parse(address);
    } catch (const Error&) {
        return; // a file's path, or nothing yet: the fields keep what they have
    }
    m_host->setText(server.host);
    m_port->setValue(server.port > 0 ? server.port : DefaultPort);
    m_database->setText(server.database);
    m_user->setText(server.user);
    m_encryption->setCurrentIndex(qMax(0, m_encryption->findData(server.option(QStringLiteral("sslmode")))));
    // Options the form has no field for (a CA certificate's file, a timeout) stay as they were.
    m_otherOptions.clear();
    for (const auto& option : server.options) {
        if (option.first != QLatin1String("sslmode")) {
            m_otherOptions.append(option);
        }
    }
}

QString ConnectDialog::address() const
{
    ServerAddress server;
    server.host = m_host->text().trimmed();
    server.port = m_port->value() == DefaultPort ? -1 : m_port->value();
    server.database = m_database->text().trimmed();
    server.user = m_user->text().trimmed();
    const QString sslmode = m_encryption->currentData().toString();
    if (sslmode != QLatin1String("prefer")) {
        server.options.append({QStringLiteral("sslmode"), sslmode});
    }
    server.options.append(m_otherOptions);
    return server.toString();
}

void ConnectDialog::rememberAddress(const QString& address)
{
    QSettings().setValue(LastAddressKey, address);
}

void ConnectDialog::showAddress()
{
    // An empty server means this computer's own socket, which is rarely a team's; the database
    // must be named.
    const bool complete = !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty();
    QString problem;
    if (complete) {
        try {
            ServerAddress::parse(address());
        } catch (const Error& error) {
            problem = error.message();
        }
    }
    m_address->setText(!complete           ? tr("Fill in the server and the database.")
                       : problem.isEmpty() ? address()
                                           : problem);
    m_connect->setEnabled(complete && problem.isEmpty());
}

} // namespace spotlight
