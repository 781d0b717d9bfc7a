// SPDX-License-Identifier: MIT
#pragma once

#include "session/preferences.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace Flotilla::Views {

// Edit › Settings… (Preferences on macOS): the language, the default rollout thresholds and
// device timeout, the share of the cloud's request budget, the network proxy, where the cache
// lives and "Clear cache…". It shows and edits Session::Preferences; the app keeps them
// (accepted) and clears the cache (clearCacheRequested() after accepted). OK refuses, saying
// why, values that cannot be kept, and a new cache folder while changes are still to be sent.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // The cache in use: where it is, its size, and where caches live without a cache folder.
    struct CacheInfo
    {
        QString path;
        qint64 bytes = 0;
        QString usualFolder;
    };

    SettingsDialog(const Session::Preferences &preferences, const CacheInfo &cache,
        int pendingChanges, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The preferences as edited.
    Session::Preferences preferences() const;
    // The manual proxy's password as typed (kept in memory only, never saved).
    QString proxyPassword() const;
    void setProxyPassword(const QString &password);
    // Changes still to be sent (they live in the cache): the cache is neither cleared nor
    // moved while there are some.
    void setPendingChanges(int count);
    // Why OK or Clear cache… refused last (empty: they did not).
    QString validationError() const;
    // Whether the user confirmed "Clear cache…" (the dialog then closed, accepted).
    bool clearCacheRequested() const { return m_clearRequested; }

    QTabWidget *pages() const { return m_pages; }
    QComboBox *languageBox() const { return m_language; }
    QDoubleSpinBox *successBox() const { return m_success; }
    QDoubleSpinBox *failureBox() const { return m_failure; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *rateShareBox() const { return m_rateShare; }
    QRadioButton *proxyButton(Session::Preferences::Proxy proxy) const;
    QLineEdit *proxyHostField() const { return m_proxyHost; }
    QSpinBox *proxyPortBox() const { return m_proxyPort; }
    QLineEdit *proxyUserField() const { return m_proxyUser; }
    QLineEdit *cacheFolderField() const { return m_cacheFolder; }
    QPushButton *clearCacheButton() const { return m_clearCache; }
    // The question "Clear cache…" asks, while it is open.
    QMessageBox *clearQuestion() const { return m_question; }

public Q_SLOTS:
    void accept() override;

private:
    QWidget *makeGeneralPage();
    QWidget *makeRolloutsPage();
    QWidget *makeNetworkPage();
    QWidget *makeCachePage();
    void updateProxyFields();
    void updateRateText();
    void chooseCacheFolder();
    void askToClearCache();
    // Shows `error` (empty: hides it); false when there is one.
    bool showError(const QString &error);
    QString pendingText() const;

    Session::Preferences m_original;
    CacheInfo m_cache;
    int m_pending = 0;
    bool m_clearRequested = false;

    QTabWidget *m_pages = nullptr;
    QComboBox *m_language = nullptr;
    QDoubleSpinBox *m_success = nullptr;
    QDoubleSpinBox *m_failure = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_rateShare = nullptr;
    QLabel *m_rateText = nullptr;
    QButtonGroup *m_proxyGroup = nullptr;
    QLineEdit *m_proxyHost = nullptr;
    QSpinBox *m_proxyPort = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_proxyPassword = nullptr;
    QLineEdit *m_cacheFolder = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QPushButton *m_clearCache = nullptr;
    QLabel *m_error = nullptr;
    QPointer<QMessageBox> m_question;
};

} // namespace Flotilla::Views
