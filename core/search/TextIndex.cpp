#include "TextIndex.h"

#include "Error.h"
#include "domain/TextFold.h"

#include <algorithm>
#include <cmath>

namespace spotlight {

QStringList TextIndex::words(const QString& text)
{
    QStringList tokens;
    const QString normalised = text.normalized(QString::NormalizationForm_C);
    qsizetype start = -1;
    for (qsizetype i = 0; i <= normalised.size(); ++i) {
        const bool inWord = i < normalised.size() && (normalised.at(i).isLetterOrNumber() ||
                                                      normalised.at(i).category() == QChar::Other_PrivateUse);
        if (inWord && start < 0) {
            start = i;
        } else if (!inWord && start >= 0) {
            tokens << normalised.mid(start, i - start);
            start = -1;
        }
    }
    return tokens;
}

QString TextIndex::fold(const QString& word)
{
    const bool ascii = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
    return ascii ? word.toLower() : stripDiacritics(word).toCaseFolded();
}

TextIndex::Set::Set(std::size_t slots)
    : m_words((slots + 63) / 64)
{}

TextIndex::Set& TextIndex::Set::operator&=(const Set& other)
{
    m_words.resize(std::min(m_words.size(), other.m_words.size()));
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= other.m_words[i];
    }
    return *this;
}

TextIndex::Set& TextIndex::Set::operator|=(const Set& other)
{
    m_words.resize(std::max(m_words.size(), other.m_words.size()));
    for (std::size_t i = 0; i < other.m_words.size(); ++i) {
        m_words[i] |= other.m_words[i];
    }
    return *this;
}

TextIndex::Set& TextIndex::Set::subtract(const Set& other)
{
    for (std::size_t i = 0; i < std::min(m_words.size(), other.m_words.size()); ++i) {
        m_words[i] &= ~other.m_words[i];
    }
    return *this;
}

qsizetype TextIndex::Set::count() const
{
    qsizetype total = 0;
    for (const quint64 word : m_words) {
        total += std::popcount(word);
    }
    return total;
}

void TextIndex::put(const Document& document)
{
    remove(document.id);
    if (m_slots.size() >= Posting::MostSlots) {
        compact();
        if (m_slots.size() >= Posting::MostSlots) {
            throw Error(
                QStringLiteral("More than %1 exhibits are too many to search in memory.").arg(Posting::MostSlots - 1));
        }
    }
    const auto slot = quint32(m_slots.size());
    QHash<QString, quint32> frequencies;
    quint32 length = 0;
    for (int column = 0; column < ColumnCount; ++column) {
        for (const QString& word : words(document.columns[column])) {
            frequencies[fold(word)] += Weights[column];
            ++length;
        }
    }
    for (auto it = frequencies.cbegin(); it != frequencies.cend(); ++it) {
        m_postings[it.key()].push_back(Posting{slot, it.value()});
    }
    m_slots.push_back(Slot{document.id, document.titleSort, length, true});
    m_slotOf.insert(document.id, slot);
    ++m_live;
    m_totalLength += length;
}

void TextIndex::remove(qint64 id)
{
    const auto found = m_slotOf.constFind(id);
    if (found == m_slotOf.constEnd()) {
        return;
    }
    Slot& slot = m_slots[found.value()];
    slot.live = false;
    slot.titleSort.clear();
    --m_live;
    m_totalLength -= slot.length;
    m_slotOf.erase(found);
    compactIfSparse();
}

// A replaced or removed document leaves its postings behind, skipped by every search, until a
// quarter of the slots are dead; then the lists are rewritten without them.
void TextIndex::compactIfSparse()
{
    const std::size_t dead = m_slots.size() - std::size_t(m_live);
    if (dead >= 1024 && dead >= std::size_t(m_live) / 4) {
        compact();
    }
}

void TextIndex::compact()
{
    std::vector<quint32> renumbered(m_slots.size(), UINT32_MAX);
    std::vector<Slot> slots;
    slots.reserve(std::size_t(m_live));
    for (std::size_t old = 0; old < m_slots.size(); ++old) {
        if (m_slots[old].live) {
            renumbered[old] = quint32(slots.size());
            m_slotOf[m_slots[old].id] = quint32(slots.size());
            slots.push_back(std::move(m_slots[old]));
        }
    }
    m_slots = std::move(slots);
    for (auto it = m_postings.begin(); it != m_postings.end();) {
        std::vector<Posting> kept;
        for (const Posting& posting : it->second) {
            if (renumbered[posting.slot()] != UINT32_MAX) {
                kept.push_back(Posting{renumbered[posting.slot()], posting.frequency()});
            }
        }
        if (kept.empty()) {
            it = m_postings.erase(it);
        } else {
            it->second = std::move(kept);
            ++it;
        }
    }
}

void TextIndex::squeeze()
{
    for (auto& [term, postings] : m_postings) {
        postings.shrink_to_fit();
    }
    m_slots.shrink_to_fit();
}

qsizetype TextIndex::memoryUsed() const
{
    std::size_t bytes = m_slots.capacity() * sizeof(Slot) + std::size_t(m_slotOf.capacity()) * 24;
    for (const Slot& slot : m_slots) {
        bytes += std::size_t(slot.titleSort.capacity());
    }
    for (const auto& [term, postings] : m_postings) {
        bytes += 64 + std::size_t(term.capacity()) * 2 + postings.capacity() * sizeof(Posting);
    }
    return qsizetype(bytes);
}

TextIndex::Hits TextIndex::hits(const QString& folded, bool prefix) const
{
    Hits hits;
    hits.frequency.assign(m_slots.size(), 0);
    hits.documents = Set(m_slots.size());
    auto add = [&](const std::vector<Posting>& postings) {
        for (const Posting& posting : postings) {
            if (!m_slots[posting.slot()].live) {
                continue;
            }
            if (hits.frequency[posting.slot()] == 0) {
                hits.documents.insert(posting.slot());
                ++hits.count;
            }
            hits.frequency[posting.slot()] += posting.frequency();
        }
    };
    if (!prefix) {
        const auto found = m_postings.find(folded);
        if (found != m_postings.end()) {
            add(found->second);
        }
        return hits;
    }
    for (auto it = m_postings.lower_bound(folded); it != m_postings.end() && it->first.startsWith(folded); ++it) {
        add(it->second);
    }
    return hits;
}

TextIndex::Set TextIndex::everything() const
{
    Set all(m_slots.size());
    for (std::size_t slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot].live) {
            all.insert(quint32(slot));
        }
    }
    return all;
}

TextIndex::Set TextIndex::setOf(const QList<qint64>& ids) const
{
    Set set(m_slots.size());
    for (const qint64 id : ids) {
        const auto found = m_slotOf.constFind(id);
        if (found != m_slotOf.constEnd()) {
            set.insert(found.value());
        }
    }
    return set;
}

QList<qint64> TextIndex::idsOf(const Set& set) const
{
    QList<qint64> ids;
    ids.reserve(set.count());
    set.forEach([&](quint32 slot) { ids << m_slots[slot].id; });
    return ids;
}

// FTS5's bm25(): k1 = 1.2, b = 0.75; an IDF that would be negative (a word in more than half of
// the documents) is clamped to 1e-6; the document's length is its tokens in all columns. The sum
// runs over the phrases in the query's order, as FTS5's does, so that equal inputs give equal
// scores and ties fall to the title as they do in SQL.
QList<qint64> TextIndex::ranked(const Set& matches, const std::vector<const Hits*>& phrases, qsizetype limit,
                                qsizetype offset) const
{
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    const double rows = double(m_live);
    const double averageLength = m_live > 0 ? double(m_totalLength) / rows : 1.0;
    std::vector<double> idf;
    for (const Hits* phrase : phrases) {
        const double value = std::log((rows - double(phrase->count) + 0.5) / (double(phrase->count) + 0.5));
        idf.push_back(value <= 0.0 ? 1e-6 : value);
    }

    struct Scored
    {
        double score;
        quint32 slot;
    };
    std::vector<Scored> scored;
    scored.reserve(std::size_t(matches.count()));
    matches.forEach([&](quint32 slot) {
        if (!m_slots[slot].live) {
            return;
        }
        const double lengthNorm = k1 * (1 - b + b * double(m_slots[slot].length) / averageLength);
        double score = 0.0;
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            const double frequency = phrases[i]->frequency[slot];
            score += idf[i] * ((frequency * (k1 + 1.0)) / (frequency + lengthNorm));
        }
        scored.push_back(Scored{-1.0 * score, slot});
    });

    const auto before = [this](const Scored& x, const Scored& y) {
        if (x.score != y.score) {
            return x.score < y.score;
        }
        const Slot& a = m_slots[x.slot];
        const Slot& c = m_slots[y.slot];
        const int byTitle = a.titleSort.compare(c.titleSort);
        return byTitle != 0 ? byTitle < 0 : a.id < c.id;
    };
    const std::size_t end =
        limit < 0 ? scored.size() : std::min(scored.size(), std::size_t(std::max<qsizetype>(0, offset + limit)));
    if (end == scored.size()) {
        std::sort(scored.begin(), scored.end(), before); // every match: a list view's whole result
    } else {
        std::partial_sort(scored.begin(), scored.begin() + std::ptrdiff_t(end), scored.end(), before);
    }

    QList<qint64> ids;
    for (std::size_t i = std::size_t(std::max<qsizetype>(0, offset)); i < end; ++i) {
        ids << m_slots[scored[i].slot].id;
    }
    return ids;
}

QList<qint64> TextIndex::byTitle(const Set& matches, bool descending) const
{
    std::vector<quint32> slots;
    matches.forEach([&](quint32 slot) {
        if (m_slots[slot].live) {
            slots.push_back(slot);
        }
    });
    std::sort(slots.begin(), slots.end(), [this, descending](quint32 x, quint32 y) {
        const Slot& a = m_slots[x];
        const Slot& c = m_slots[y];
        const int byTitle = a.titleSort.compare(c.titleSort);
        if (byTitle != 0) {
            return descending ? byTitle > 0 : byTitle < 0;
        }
        return a.id < c.id;
    });
    QList<qint64> ids;
    ids.reserve(qsizetype(slots.size()));
    for (const quint32 slot : slots) {
        ids << m_slots[slot].id;
    }
    return ids;
}

} // namespace spotlight
