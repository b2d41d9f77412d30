#pragma once

namespace spotlight {

class Database;

// One write, all or nothing. Begins with BEGIN IMMEDIATE so that the write lock is taken up front
// (waiting out the busy timeout) rather than failing half-way; rolls back unless commit() is reached.
class Transaction
{
public:
    explicit Transaction(const Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    const Database& m_database;
    bool m_open = false;
};

} // namespace spotlight
