// SPDX-License-Identifier: MIT
#include "views/settingsdialog.h"

#include "session/cloudsession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

const QString ErrorStyle = QStringLiteral("color: #b02020;");

QLabel *note(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const Session::Preferences &preferences, const CacheInfo &cache,
    int pendingChanges, QWidget *parent)
    : QDialog(parent)
    , m_original(preferences)
    , m_cache(cache)
    , m_pending(pendingChanges)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_pages = new QTabWidget;
    m_pages->addTab(makeGeneralPage(), tr("General"));
    m_pages->addTab(makeRolloutsPage(), tr("Rollouts"));
    m_pages->addTab(makeNetworkPage(), tr("Network"));
    m_pages->addTab(makeCachePage(), tr("Cache"));

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(ErrorStyle);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // What is kept now.
    m_language->setCurrentIndex(
        std::max<qsizetype>(0, Session::Preferences::languages().indexOf(preferences.language)));
    m_success->setValue(preferences.successPercent);
    m_failure->setValue(preferences.failurePercent);
    m_timeout->setValue(preferences.deviceTimeoutHours);
    m_rateShare->setValue(preferences.rateSharePercent);
    proxyButton(preferences.proxy)->setChecked(true);
    m_proxyHost->setText(preferences.proxyHost);
    m_proxyPort->setValue(preferences.proxyPort);
    m_proxyUser->setText(preferences.proxyUser);
    m_cacheFolder->setText(QDir::toNativeSeparators(preferences.cacheFolder));
    updateProxyFields();
    updateRateText();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::makeGeneralPage()
{
    auto *page = new QWidget;
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    // Each language in its own words; the system's as this one says it.
    m_language->addItem(tr("System language"));
    m_language->addItem(QStringLiteral("English"));
    m_language->addItem(QStringLiteral("Deutsch"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(note(tr("A new language applies when Flotilla starts next.")));
    return page;
}

QWidget *SettingsDialog::makeRolloutsPage()
{
    using P = Session::Preferences;
    auto *page = new QWidget;
    const auto percentBox = [](const QString &name, double min) {
        auto *box = new QDoubleSpinBox;
        box->setObjectName(name);
        box->setRange(min, P::MaxPercent);
        box->setDecimals(1);
        box->setSuffix(QStringLiteral(" %"));
        return box;
    };
    m_success = percentBox(QStringLiteral("successPercent"), P::MinSuccessPercent);
    m_success->setToolTip(tr("The next wave starts once this share of a wave has succeeded"));
    m_failure = percentBox(QStringLiteral("failurePercent"), 0);
    m_failure->setToolTip(
        tr("The rollout pauses once this share of a wave has failed (0 %: at the first failure)"));
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("deviceTimeoutHours"));
    m_timeout->setRange(P::MinTimeoutHours, P::MaxTimeoutHours);
    m_timeout->setSuffix(tr(" h"));
    m_timeout->setToolTip(tr("A device that has not updated this long after its wave started "
                             "counts as timed out"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Success threshold:"), m_success);
    form->addRow(tr("&Failure threshold:"), m_failure);
    form->addRow(tr("Device &timeout:"), m_timeout);
    form->addRow(note(tr("What Flash… and “flotillactl rollout start” plan a new staged rollout "
                         "with; each rollout can still be set otherwise.")));
    return page;
}

QWidget *SettingsDialog::makeNetworkPage()
{
    using P = Session::Preferences;
    auto *page = new QWidget;
    m_rateShare = new QSpinBox;
    m_rateShare->setObjectName(QStringLiteral("rateSharePercent"));
    m_rateShare->setRange(P::MinRateSharePercent, 100);
    m_rateShare->setSuffix(QStringLiteral(" %"));
    m_rateText = note(QString());
    m_rateText->setObjectName(QStringLiteral("rateText"));
    connect(m_rateShare, &QSpinBox::valueChanged, this, &SettingsDialog::updateRateText);

    m_proxyGroup = new QButtonGroup(this);
    const auto radio = [this](P::Proxy proxy, const QString &text, const QString &name) {
        auto *button = new QRadioButton(text);
        button->setObjectName(name);
        m_proxyGroup->addButton(button, int(proxy));
        return button;
    };
    QRadioButton *system = radio(
        P::Proxy::System, tr("The s&ystem's proxy settings"), QStringLiteral("proxySystem"));
    QRadioButton *none = radio(P::Proxy::None, tr("&No proxy"), QStringLiteral("proxyNone"));
    QRadioButton *manual
        = radio(P::Proxy::Manual, tr("&Manual proxy (HTTP):"), QStringLiteral("proxyManual"));
    connect(m_proxyGroup, &QButtonGroup::idToggled, this, &SettingsDialog::updateProxyFields);
    m_proxyHost = new QLineEdit;
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort = new QSpinBox;
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setRange(1, 65535);
    m_proxyUser = new QLineEdit;
    m_proxyUser->setObjectName(QStringLiteral("proxyUser"));
    m_proxyUser->setPlaceholderText(tr("none"));
    m_proxyPassword = new QLineEdit;
    m_proxyPassword->setObjectName(QStringLiteral("proxyPassword"));
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setToolTip(tr("Kept until Flotilla closes, never saved"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("Share of the &request budget:"), m_rateShare);
    form->addRow(m_rateText);
    form->addRow(system);
    form->addRow(none);
    form->addRow(manual);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_proxyHost, 1);
    auto *portLabel = new QLabel(tr("P&ort:"));
    portLabel->setBuddy(m_proxyPort);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_proxyPort);
    auto *hostLabel = new QLabel(tr("&Host:"));
    hostLabel->setBuddy(m_proxyHost);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&User:"), m_proxyUser);
    form->addRow(tr("&Password:"), m_proxyPassword);
    form->addRow(note(tr("The password is kept only until Flotilla closes. A sandbox cloud on "
                         "this computer is always reached directly, and the Particle cloud "
                         "only over HTTPS.")));
    return page;
}

QWidget *SettingsDialog::makeCachePage()
{
    auto *page = new QWidget;
    auto *where = new QLabel(QDir::toNativeSeparators(m_cache.path));
    where->setObjectName(QStringLiteral("cachePath"));
    where->setTextFormat(Qt::PlainText);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);
    auto *size = new QLabel(QLocale().formattedDataSize(m_cache.bytes));
    size->setObjectName(QStringLiteral("cacheSize"));
    m_cacheFolder = new QLineEdit;
    m_cacheFolder->setObjectName(QStringLiteral("cacheFolder"));
    m_cacheFolder->setPlaceholderText(QDir::toNativeSeparators(m_cache.usualFolder));
    m_cacheFolder->setClearButtonEnabled(true);
    m_chooseFolder = new QPushButton(tr("C&hoose…"));
    m_chooseFolder->setObjectName(QStringLiteral("chooseCacheFolder"));
    connect(m_chooseFolder, &QPushButton::clicked, this, &SettingsDialog::chooseCacheFolder);
    m_clearCache = new QPushButton(tr("C&lear cache…"));
    m_clearCache->setObjectName(QStringLiteral("clearCache"));
    m_clearCache->setToolTip(tr("Delete the local cache and read the fleet from the cloud again"));
    connect(m_clearCache, &QPushButton::clicked, this, &SettingsDialog::askToClearCache);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_cacheFolder, 1);
    folderRow->addWidget(m_chooseFolder);
    auto *form = new QFormLayout(page);
    form->addRow(tr("In use:"), where);
    form->addRow(tr("Size:"), size);
    auto *folderLabel = new QLabel(tr("Cache &folder:"));
    folderLabel->setBuddy(m_cacheFolder);
    form->addRow(folderLabel, folderRow);
    form->addRow(note(tr("Empty: the usual place. Caches made from now on live there; the fleet "
                         "is read again from the cloud into it when Flotilla opens it next.")));
    form->addRow(QString(), m_clearCache);
    return page;
}

QRadioButton *SettingsDialog::proxyButton(Session::Preferences::Proxy proxy) const
{
    return qobject_cast<QRadioButton *>(m_proxyGroup->button(int(proxy)));
}

Session::Preferences SettingsDialog::preferences() const
{
    Session::Preferences p = m_original;
    p.language = Session::Preferences::languages().value(m_language->currentIndex());
    p.successPercent = m_success->value();
    p.failurePercent = m_failure->value();
    p.deviceTimeoutHours = m_timeout->value();
    p.rateSharePercent = m_rateShare->value();
    p.proxy = Session::Preferences::Proxy(m_proxyGroup->checkedId());
    p.proxyHost = m_proxyHost->text().trimmed();
    p.proxyPort = m_proxyPort->value();
    p.proxyUser = m_proxyUser->text().trimmed();
    const QString folder = m_cacheFolder->text().trimmed();
    p.cacheFolder
        = folder.isEmpty() ? QString() : QDir::fromNativeSeparators(QDir::cleanPath(folder));
    return p;
}

QString SettingsDialog::proxyPassword() const
{
    return m_proxyPassword->text();
}

void SettingsDialog::setProxyPassword(const QString &password)
{
    m_proxyPassword->setText(password);
}

void SettingsDialog::setPendingChanges(int count)
{
    m_pending = count;
}

QString SettingsDialog::validationError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool SettingsDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

QString SettingsDialog::pendingText() const
{
    return tr("%Ln change(s) not sent yet live in the local cache.", nullptr, m_pending);
}

void SettingsDialog::accept()
{
    const Session::Preferences p = preferences();
    if (!showError(p.validate()))
        return;
    if (p.cacheFolder != m_original.cacheFolder && m_pending > 0) {
        m_pages->setCurrentIndex(3);
        showError(pendingText() + QLatin1Char(' ')
            + tr("Change the cache folder once they are sent (see “pending changes” in the "
                 "status bar)."));
        return;
    }
    QDialog::accept();
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = m_proxyGroup->checkedId() == int(Session::Preferences::Proxy::Manual);
    for (QWidget *w : {static_cast<QWidget *>(m_proxyHost), static_cast<QWidget *>(m_proxyPort),
             static_cast<QWidget *>(m_proxyUser), static_cast<QWidget *>(m_proxyPassword)})
        w->setEnabled(manual);
}

void SettingsDialog::updateRateText()
{
    const int limit = Session::CloudSession::rateLimitFor(m_rateShare->value());
    m_rateText->setText(
        tr("Flotilla sends at most %1 requests in 5 minutes. Particle counts the requests of "
           "every program of the same internet address together: the rest is left to them. A "
           "new share applies when Flotilla opens the fleet next.")
            .arg(QLocale().toString(limit)));
}

void SettingsDialog::chooseCacheFolder()
{
    const QString start
        = m_cacheFolder->text().trimmed().isEmpty() ? m_cache.usualFolder : m_cacheFolder->text();
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Folder of the local caches"), start);
    if (!folder.isEmpty())
        m_cacheFolder->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::askToClearCache()
{
    if (m_question)
        return; // asked already
    if (m_pending > 0) {
        m_pages->setCurrentIndex(3);
        showError(pendingText() + QLatin1Char(' ')
            + tr("Clear the cache once they are sent (see “pending changes” in the status bar), "
                 "or they are lost."));
        return;
    }
    // The settings as edited are kept with it: they must be valid.
    if (!showError(preferences().validate()))
        return;
    m_question = new QMessageBox(QMessageBox::Question, tr("Clear cache"),
        tr("Delete the local cache and read the whole fleet from the cloud again?"),
        QMessageBox::NoButton, this);
    m_question->setInformativeText(
        tr("The window closes and opens again; the activity log of this computer starts anew. "
           "Nothing changes in the cloud."));
    QPushButton *clear = m_question->addButton(tr("Clear cache"), QMessageBox::DestructiveRole);
    m_question->addButton(QMessageBox::Cancel);
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this, clear] {
        if (!m_question || m_question->clickedButton() != clear)
            return;
        if (m_pending > 0) { // a change made meanwhile
            showError(pendingText());
            return;
        }
        m_clearRequested = true;
        accept();
    });
    m_question->open();
}

} // namespace Flotilla::Views
