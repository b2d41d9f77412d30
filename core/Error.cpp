#include "Error.h"

namespace spotlight {

Error::Error(QString message, Kind kind)
    : m_message(std::move(message))
    , m_utf8(m_message.toUtf8())
    , m_kind(kind)
{}

} // namespace spotlight
