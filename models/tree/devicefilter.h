// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Flotilla::Tree {

// The device table's filter: a query typed by the user, parsed once into terms that are then
// tested against every device of the table (DeviceTableModel). Pure: no model, no I/O.
//
// Grammar (terms are separated by spaces and combine with AND; case never matters):
//   word              free word: a substring of the device ID, name, serial number or notes
//   "two words"       a quoted phrase: a free word that may contain spaces; also the way to
//                     search for a word that is a keyword below ("dev", "online", "fw:5")
//   fw:5 firmware:5   running product firmware version 5 (v5 is accepted too; fw:none = none)
//   target:5          the cloud targets version 5 (target:none = no target)
//   online offline    connection status (also is:online, is:offline)
//   pending           has local changes not yet confirmed by the cloud (also is:pending)
//   locked            locked to a firmware version (also is:locked)
//   dev development   a development device (also is:dev, is:development)
//   off-target        runs another version than the one targeted (also is:off-target)
//   id:  name:  serial:  notes:  owner:   a substring of that field only
//   in:berlin         a substring of the node the device sits at (titles or group names)
//   -term             negation: the devices the term does not match ("-online", "-acme")
// A key with nothing after the colon ("fw:") is incomplete and ignored (the user is still
// typing). A value that cannot be read ("fw:abc", "is:blue") is an error: the term matches no
// device, and errors() says why, for the status line. Unknown keys ("mac:00:11") are free
// words.
class DeviceFilter final
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Tree::DeviceFilter)

public:
    struct Term
    {
        enum class Kind : quint8 {
            Text, // free word or phrase: id, name, serial, notes
            Id,
            Name,
            Serial,
            Notes,
            Owner,
            Location,
            Firmware, // number: running version, 0 = none
            Target, // number: targeted version, -1 = none
            Online,
            Offline,
            Pending,
            Locked,
            Development,
            OffTarget,
            Invalid, // a value that could not be read: matches nothing, negated or not
        };
        Kind kind = Kind::Text;
        QString text; // case-folded; the text kinds
        int number = 0; // Firmware, Target
        bool negated = false;
        bool operator==(const Term &) const = default;
    };

    // One device as the filter sees it. Text is case-folded (fold()); the views must stay valid
    // for the call to matches().
    struct Subject
    {
        QStringView text; // id, name, serial, notes, separated by Separator
        QStringView id;
        QStringView name;
        QStringView serial;
        QStringView notes;
        QStringView owner;
        QStringView location; // node titles and group names, separated by Separator
        int firmware = 0; // running product firmware, 0 = none
        int target = -1; // targeted version, -1 = none
        bool online = false;
        bool pending = false;
        bool locked = false;
        bool development = false;
    };

    // Between the fields of Subject::text: no term can contain it, so no match spans two fields.
    static constexpr QChar Separator = QChar(0x1f);

    DeviceFilter() = default;
    explicit DeviceFilter(QStringView query);

    // The case folding used for terms; subjects must be folded the same way.
    static QString fold(QStringView text);

    const QList<Term> &terms() const { return m_terms; }
    // No terms: every device matches.
    bool isEmpty() const { return m_terms.isEmpty(); }
    // Why terms could not be read, one translated sentence each, in query order.
    const QStringList &errors() const { return m_errors; }

    bool matches(const Subject &subject) const;
    // True when every device this filter matches is also matched by `wider` (typing one more
    // character usually gives such a filter): the table then only re-tests the rows `wider`
    // left visible. False when unsure.
    bool narrows(const DeviceFilter &wider) const;

    bool operator==(const DeviceFilter &other) const { return m_terms == other.m_terms; }

private:
    void addToken(const QString &token, bool quoted, bool negated);

    QList<Term> m_terms;
    QStringList m_errors;
};

} // namespace Flotilla::Tree
