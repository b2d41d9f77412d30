#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <vector>

namespace spotlight {

// The words of every exhibit's searchable text, held in memory so that a search can rank all of
// its matches in a few milliseconds: FTS5's BM25 must read and score every match of a common
// prefix from the file (100 ms and more at 100,000 exhibits), where here the same sum is a pass
// over small arrays. It is a cache: SearchEngine fills it from the catalogue, keeps it up to date
// from the catalogue's log of changed exhibits, and falls back to FTS5 whenever it cannot.
//
// Ranking is FTS5's bm25() with the same column weights, so results come in the same order.
class TextIndex
{
public:
    // title, summary, tags, authorities, description: the columns of exhibit_fts.
    static constexpr int ColumnCount = 5;
    // SearchEngine::rankExpression's weights.
    static constexpr std::array<quint32, ColumnCount> Weights{10, 5, 3, 3, 1};

    struct Document
    {
        qint64 id = 0;
        QByteArray titleSort; // ties in score are ordered by title, as the SQL path does
        std::array<QString, ColumnCount> columns;
    };

    // The tokens FTS5's unicode61 tokenizer makes of `text`: runs of letters, digits and private-use
    // characters, as written.
    static QStringList words(const QString& text);
    // A token as the index keeps it: lower case, without accents (remove_diacritics).
    static QString fold(const QString& word);

    // Adds the document, or replaces the one with its id.
    void put(const Document& document);
    void remove(qint64 id);
    // Gives back what growing the lists reserved: after loading many documents at once.
    void squeeze();
    qsizetype size() const { return m_live; }
    // Bytes held, roughly: for the benchmarks.
    qsizetype memoryUsed() const;

    // A set of documents, one bit per slot.
    class Set
    {
    public:
        Set() = default;
        explicit Set(std::size_t slots);
        void insert(quint32 slot) { m_words[slot / 64] |= quint64(1) << (slot % 64); }
        bool contains(quint32 slot) const
        {
            return slot / 64 < m_words.size() && (m_words[slot / 64] >> (slot % 64)) & 1;
        }
        Set& operator&=(const Set& other);
        Set& operator|=(const Set& other);
        Set& subtract(const Set& other);
        qsizetype count() const;
        template <typename F>
        void forEach(F&& visit) const
        {
            for (std::size_t word = 0; word < m_words.size(); ++word) {
                for (quint64 bits = m_words[word]; bits != 0; bits &= bits - 1) {
                    visit(quint32(word * 64 + std::countr_zero(bits)));
                }
            }
        }

    private:
        std::vector<quint64> m_words;
    };

    // Where a word occurs: each document's weighted count of its tokens (FTS5's per-phrase
    // frequency, each token counted by its column's weight), and the set of those documents.
    struct Hits
    {
        std::vector<quint32> frequency; // by slot; 0 where the word does not occur
        Set documents;
        qsizetype count = 0;
    };
    // A folded token, matched whole or, with `prefix`, as the start of longer tokens.
    Hits hits(const QString& folded, bool prefix) const;

    Set everything() const;
    Set setOf(const QList<qint64>& ids) const;
    QList<qint64> idsOf(const Set& set) const;

    // Every document of `matches` with its BM25 score over `phrases` (higher is better), best
    // first, ties by title and id; only the first `limit` are in order when `limit` is not -1.
    QList<qint64> ranked(const Set& matches, const std::vector<const Hits*>& phrases, qsizetype limit,
                         qsizetype offset) const;
    // Every document of `matches` by title, then id (ascending either way), as SQL orders them.
    QList<qint64> byTitle(const Set& matches, bool descending) const;

private:
    // A document and its weighted count of one word, in four bytes: a posting for every distinct
    // word of every exhibit is most of the index (ten million at 100,000 exhibits). A count above
    // 1,023 (a word a hundred times in one title) counts as 1,023, where BM25 has long saturated.
    class Posting
    {
    public:
        static constexpr quint32 MostSlots = quint32(1) << 22;
        Posting(quint32 slot, quint32 frequency)
            : m_packed(slot << 10 | std::min<quint32>(frequency, 1023))
        {}
        quint32 slot() const { return m_packed >> 10; }
        quint32 frequency() const { return m_packed & 1023; }

    private:
        quint32 m_packed;
    };
    struct Slot
    {
        qint64 id = 0;
        QByteArray titleSort;
        quint32 length = 0; // tokens in all columns
        bool live = false;
    };

    void compactIfSparse();
    void compact();

    std::vector<Slot> m_slots;
    QHash<qint64, quint32> m_slotOf; // live documents only
    std::map<QString, std::vector<Posting>> m_postings;
    qsizetype m_live = 0;
    quint64 m_totalLength = 0; // of live documents
};

} // namespace spotlight
