#pragma once

#include <QStringList>

namespace spotlight::cli {

class Arguments;
class Context;

// Each command takes the words after its name and returns the exit status: 0 success, 1 failure.
// They raise UsageError (status 2) for a badly formed call and spotlight::Error (status 1) when the
// catalogue or a file refuses.
int runInit(Context& context, const QStringList& words);
int runSummary(Context& context, const QStringList& words);
int runSearch(Context& context, const QStringList& words);
int runShow(Context& context, const QStringList& words);
int runFacets(Context& context, const QStringList& words);
int runHistory(Context& context, const QStringList& words);
int runImport(Context& context, const QStringList& words);
int runExport(Context& context, const QStringList& words);
int runPublish(Context& context, const QStringList& words);
int runTemplate(Context& context, const QStringList& words);
int runCheck(Context& context, const QStringList& words);
// check --privacy: the findings of the privacy check (PrivacyCommands.cpp).
int runPrivacyCheck(Context& context, const Arguments& arguments);
int runBackup(Context& context, const QStringList& words);
int runTag(Context& context, const QStringList& words);
int runSaved(Context& context, const QStringList& words);
int runStatus(Context& context, const QStringList& words);
int runReview(Context& context, const QStringList& words);
// Sponsoring panels (PanelCommands.cpp).
int runPanel(Context& context, const QStringList& words);
int runStand(Context& context, const QStringList& words);
int runEdition(Context& context, const QStringList& words);
int runCategory(Context& context, const QStringList& words);
int runPrivacy(Context& context, const QStringList& words);
int runLetters(Context& context, const QStringList& words);
int runReport(Context& context, const QStringList& words);
// Team catalogues (ServerCommands.cpp).
int runServer(Context& context, const QStringList& words);
int runCopy(Context& context, const QStringList& words);

} // namespace spotlight::cli
