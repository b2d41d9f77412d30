#pragma once

#include <QString>

#include <exception>

namespace spotlight {

// The one exception type that core throws. Its message is written for the person using the program:
// it names the file or the input at fault and says what to do, so front ends can show it as it is.
class Error : public std::exception
{
public:
    // What a front end may treat differently: advice to check a damaged catalogue is no help to
    // `check`; a server that wants a password can be asked again with one; a lost connection can be
    // retried.
    enum class Kind
    {
        Other,
        Damaged,
        PasswordNeeded,
        ConnectionLost,
    };

    explicit Error(QString message, Kind kind = Kind::Other);

    const QString& message() const noexcept { return m_message; }
    Kind kind() const noexcept { return m_kind; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QByteArray m_utf8;
    Kind m_kind;
};

} // namespace spotlight
