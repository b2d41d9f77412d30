// The .xlsx reader and planning a workbook import into the seed catalogue, on any workbook.
//
// Random bytes almost never make a zip whose checksums agree, so mutating whole files would fuzz
// libzip's refusals and not our XML. An input is therefore the workbook's parts as text,
//
//     --- xl/workbook.xml
//     <workbook>...</workbook>
//     --- xl/worksheets/sheet1.xml
//     ...
//
// zipped here (stored, so every byte of a part is the fuzzer's) before it is read. An input that
// starts with "PK" is taken as a zip as it is, so the container's own damage is covered as well.
// Neither reading nor planning may crash or throw anything but the reader's own Error, and every
// row read has a number a person can be told.
#include "Error.h"
#include "FuzzSupport.h"
#include "intake/Importer.h"
#include "io/Xlsx.h"
#include "storage/Stores.h"

#include <QByteArray>
#include <QList>

#include <utility>
#include <zip.h>

using namespace spotlight;

namespace {

QList<std::pair<QByteArray, QByteArray>> partsOf(const QByteArray& text)
{
    QList<std::pair<QByteArray, QByteArray>> parts;
    const QByteArray marker = QByteArrayLiteral("--- ");
    qsizetype at = text.startsWith(marker) ? 0 : text.indexOf("\n" + marker);
    while (at >= 0) {
        const qsizetype nameStart = at + (text.at(at) == '\n' ? 1 : 0) + marker.size();
        const qsizetype nameEnd = text.indexOf('\n', nameStart);
        if (nameEnd < 0) {
            break;
        }
        const qsizetype next = text.indexOf("\n" + marker, nameEnd);
        const qsizetype end = next < 0 ? text.size() : next;
        parts.append({text.mid(nameStart, nameEnd - nameStart), text.mid(nameEnd + 1, end - nameEnd - 1)});
        at = next;
    }
    return parts;
}

// The parts in a zip written in memory, or nothing if libzip refuses a name.
QByteArray zipped(const QList<std::pair<QByteArray, QByteArray>>& parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_error_fini(&error);
    if (!buffer) {
        return {};
    }
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
    if (!archive) {
        zip_source_free(buffer);
        zip_source_free(buffer);
        return {};
    }
    for (const auto& [name, content] : parts) {
        zip_source_t* part = zip_source_buffer(archive, content.constData(), zip_uint64_t(content.size()), 0);
        const zip_int64_t index =
            part ? zip_file_add(archive, name.constData(), part, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            zip_source_free(part);
            continue;
        }
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0);
    }
    QByteArray bytes;
    if (zip_close(archive) != 0) {
        zip_discard(archive);
    } else if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        bytes.resize(qsizetype(zip_source_tell(buffer)));
        zip_source_seek(buffer, 0, SEEK_SET);
        if (zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size())) != zip_int64_t(bytes.size())) {
            bytes.clear();
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    fuzz::seededStores();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QByteArray workbook = input.startsWith("PK") ? input : zipped(partsOf(input));
    try {
        for (const XlsxSheet& sheet : Xlsx::read(workbook)) {
            for (qsizetype i = 1; i < sheet.rows.size(); ++i) {
                if (sheet.rows.at(i).number <= 0) {
                    fuzz::finding("an .xlsx row without a number", sheet.name);
                }
            }
        }
    } catch (const Error&) {
        // A workbook that cannot be read says why; that is the answer a person gets.
    }
    try {
        const ImportPlan plan =
            Importer(fuzz::seededStores()).planXlsx(workbook, QStringLiteral("fuzz.xlsx"), ImportOptions{});
        [[maybe_unused]] const QStringList problems = plan.problems();
        [[maybe_unused]] const bool valid = plan.isValid();
    } catch (const Error& error) {
        fuzz::finding("planning an .xlsx import threw", error.message());
    }
    return 0;
}
