#include "LondonMap.h"

#include "domain/Coverage.h"
#include "io/Contrast.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace spotlight {

QColor LondonMap::fillFor(const QPalette& palette, double share)
{
    const QColor empty = palette.color(QPalette::Base);
    const QColor full = palette.color(QPalette::Highlight);
    return QColor::fromRgbF(empty.redF() + (full.redF() - empty.redF()) * share,
                            empty.greenF() + (full.greenF() - empty.greenF()) * share,
                            empty.blueF() + (full.blueF() - empty.blueF()) * share);
}

LondonMap::LondonMap(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Map of London's authorities"));
    setAccessibleDescription(tr("Arrow keys move between authorities; Space or Enter adds or removes one as a filter"));
    setMouseTracking(true);
}

void LondonMap::setAuthorities(const QList<Authority>& authorities)
{
    m_authorities = authorities;
    m_rows = 1;
    m_columns = 1;
    for (const Authority& authority : authorities) {
        m_rows = std::max(m_rows, authority.tileRow + 1);
        m_columns = std::max(m_columns, authority.tileColumn + 1);
    }
    m_focused = 0;
    updateGeometry();
    update();
}

void LondonMap::setCounts(const QHash<QString, qint64>& countsByCode)
{
    m_counts = countsByCode;
    update();
}

void LondonMap::setSelected(const QSet<QString>& codes)
{
    m_selected = codes;
    update();
}

QString LondonMap::focusedCode() const
{
    return m_focused < m_authorities.size() ? m_authorities.at(m_focused).gssCode : QString();
}

QSize LondonMap::sizeHint() const
{
    return {m_columns * 64, m_rows * 48};
}

QSize LondonMap::minimumSizeHint() const
{
    return {m_columns * 34, m_rows * 26};
}

QRectF LondonMap::tileRect(const Authority& authority) const
{
    const qreal size = std::min(qreal(width()) / m_columns, qreal(height()) / m_rows);
    const QPointF origin((width() - size * m_columns) / 2, (height() - size * m_rows) / 2);
    return QRectF(origin.x() + authority.tileColumn * size, origin.y() + authority.tileRow * size, size, size)
        .adjusted(1.5, 1.5, -1.5, -1.5);
}

QPoint LondonMap::tileCentre(const QString& code) const
{
    for (const Authority& authority : m_authorities) {
        if (authority.gssCode == code) {
            return tileRect(authority).center().toPoint();
        }
    }
    return {};
}

const Authority* LondonMap::authorityAt(const QPoint& point) const
{
    for (const Authority& authority : m_authorities) {
        if (tileRect(authority).contains(point)) {
            return &authority;
        }
    }
    return nullptr;
}

void LondonMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    qint64 most = 1;
    for (const qint64 count : std::as_const(m_counts)) {
        most = std::max(most, count);
    }
    for (int i = 0; i < m_authorities.size(); ++i) {
        const Authority& authority = m_authorities.at(i);
        const QRectF rect = tileRect(authority);
        const qint64 count = m_counts.value(authority.gssCode);
        const qreal share = Coverage::shade(count, most);
        const QColor fill = fillFor(palette(), share);
        painter.setBrush(fill);
        const bool selected = m_selected.contains(authority.gssCode);
        QPen outline(selected ? palette().color(QPalette::WindowText) : palette().color(QPalette::Mid),
                     selected ? 3.0 : 1.0);
        painter.setPen(outline);
        painter.drawRoundedRect(rect, 4, 4);
        painter.setPen(Contrast::textOn(fill));
        QFont label = font();
        label.setPointSizeF(std::clamp(rect.height() / 6.0, 6.0, 10.0));
        painter.setFont(label);
        const QString text = rect.width() > 70 ? authority.shortName : authority.abbreviation;
        painter.drawText(rect.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap,
                         count > 0 ? QStringLiteral("%1\n%2").arg(text).arg(count) : text);
    }
    if (hasFocus()) {
        paintFocus(painter);
    }
}

void LondonMap::paintFocus(QPainter& painter) const
{
    // The whole map, so that Tab visibly lands on it, and the focused tile with a heavy ring in the
    // highlight colour and a thin one inside it in the highlight's text colour: a tile shaded all
    // the way to the highlight colour still shows its ring.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    if (m_focused >= m_authorities.size()) {
        return;
    }
    const QRectF tile = tileRect(m_authorities.at(m_focused));
    painter.setPen(QPen(palette().color(QPalette::Highlight), 3.5));
    painter.drawRoundedRect(tile.adjusted(-0.5, -0.5, 0.5, 0.5), 5, 5);
    painter.setPen(QPen(palette().color(QPalette::HighlightedText), 1.5));
    painter.drawRoundedRect(tile.adjusted(2.5, 2.5, -2.5, -2.5), 3, 3);
}

void LondonMap::mousePressEvent(QMouseEvent* event)
{
    if (const Authority* authority = authorityAt(event->position().toPoint())) {
        m_focused = int(authority - m_authorities.constData());
        Q_EMIT tileToggled(authority->gssCode);
    }
}

void LondonMap::moveFocus(int rowStep, int columnStep)
{
    if (m_authorities.isEmpty()) {
        return;
    }
    const Authority& from = m_authorities.at(m_focused);
    // The nearest tile in that direction.
    int best = -1;
    int bestDistance = 0;
    for (int i = 0; i < m_authorities.size(); ++i) {
        const Authority& to = m_authorities.at(i);
        const int rows = to.tileRow - from.tileRow;
        const int columns = to.tileColumn - from.tileColumn;
        const bool ahead = rowStep != 0 ? rows * rowStep > 0 : columns * columnStep > 0;
        if (!ahead) {
            continue;
        }
        const int distance =
            rowStep != 0 ? std::abs(rows) * 10 + std::abs(columns) : std::abs(columns) * 10 + std::abs(rows);
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    if (best >= 0) {
        m_focused = best;
        update();
        announceFocus();
    }
}

QString LondonMap::countOf(const Authority& authority) const
{
    const qint64 count = m_counts.value(authority.gssCode);
    return count == 1 ? tr("%1: 1 exhibit").arg(authority.name) : tr("%1: %2 exhibits").arg(authority.name).arg(count);
}

void LondonMap::announceFocus()
{
    const Authority& authority = m_authorities.at(m_focused);
    setAccessibleDescription(countOf(authority));
    QToolTip::showText(mapToGlobal(tileRect(authority).center().toPoint()), countOf(authority), this);
}

void LondonMap::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveFocus(0, -1);
        break;
    case Qt::Key_Right:
        moveFocus(0, 1);
        break;
    case Qt::Key_Up:
        moveFocus(-1, 0);
        break;
    case Qt::Key_Down:
        moveFocus(1, 0);
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_authorities.isEmpty()) {
            Q_EMIT tileToggled(focusedCode());
        }
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool LondonMap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (const Authority* authority = authorityAt(help->pos())) {
            QToolTip::showText(help->globalPos(), countOf(*authority), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace spotlight
