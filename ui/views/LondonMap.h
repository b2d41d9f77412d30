#pragma once

#include "domain/Authority.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QPainter;

namespace spotlight {

// London's 33 authorities as a grid of tiles that keeps neighbours roughly where they are, each
// shaded by its number of exhibits for the current query. Clicking a tile, or Space/Enter on the
// focused one (arrow keys move), toggles it as a filter.
class LondonMap : public QWidget
{
    Q_OBJECT

public:
    explicit LondonMap(QWidget* parent = nullptr);
    // The fill for a share (Coverage::shade) of the largest count: from the palette's base colour
    // to its highlight, so that a dark palette shades as well as a light one.
    static QColor fillFor(const QPalette& palette, double share);

    void setAuthorities(const QList<Authority>& authorities);
    void setCounts(const QHash<QString, qint64>& countsByCode);
    void setSelected(const QSet<QString>& codes);
    QString focusedCode() const;
    // The centre of a tile, for tests and accessibility tools.
    QPoint tileCentre(const QString& code) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void tileToggled(const QString& code);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF tileRect(const Authority& authority) const;
    void paintFocus(QPainter& painter) const;
    const Authority* authorityAt(const QPoint& point) const;
    void moveFocus(int rowStep, int columnStep);
    void announceFocus();
    // "Camden: 3 exhibits": what a tile's tooltip and a screen reader say.
    QString countOf(const Authority& authority) const;

    QList<Authority> m_authorities;
    QHash<QString, qint64> m_counts;
    QSet<QString> m_selected;
    int m_focused = 0;
    int m_rows = 1;
    int m_columns = 1;
};

} // namespace spotlight
