// SPDX-License-Identifier: MIT
#include "views/welcomewindow.h"

#include "session/cloudaccount.h"
#include "session/cloudsession.h"
#include "views/icons.h"
#include "views/logging.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

const QString DefaultCloud = QStringLiteral("https://api.particle.io");
constexpr int ProductIdRole = Qt::UserRole;
constexpr int ProductNameRole = Qt::UserRole + 1;

QLabel *wrapped(const QString &text, const QString &name = QString())
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (!name.isEmpty())
        label->setObjectName(name);
    return label;
}

QLabel *title(const QString &text)
{
    auto *label = wrapped(text);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    label->setFont(font);
    label->setAccessibleName(text);
    return label;
}

} // namespace

WelcomeWindow::WelcomeWindow(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeWindow"));
    setWindowTitle(tr("Welcome to Flotilla"));
    auto *layout = new QVBoxLayout(this);
    m_problem = wrapped(QString(), QStringLiteral("welcomeProblem"));
    m_problem->setVisible(false);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: "
                                            "palette(highlight); padding: 6px;"));
    layout->addWidget(m_problem);
    m_pages = new QStackedWidget;
    m_pages->addWidget(makeChoicesPage());
    m_pages->addWidget(makeSignInPage());
    m_pages->addWidget(makeCodePage());
    m_pages->addWidget(makeProductPage());
    layout->addWidget(m_pages, 1);
    setMinimumWidth(320);
    resize(560, 440);
    showChoices();
}

WelcomeWindow::~WelcomeWindow() = default;

// ---- the pages ------------------------------------------------------------------------------

QWidget *WelcomeWindow::makeChoicesPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("choicesPage"));
    auto *layout = new QVBoxLayout(page);
    // The application's icon beside the greeting, as the installer and the desktop show it.
    auto *heading = new QHBoxLayout;
    auto *logo = new QLabel;
    const int logoSize = 3 * fontMetrics().height();
    logo->setPixmap(Icons::application().pixmap(logoSize, logoSize));
    logo->setFixedSize(logoSize, logoSize);
    heading->addWidget(logo);
    heading->addSpacing(fontMetrics().height() / 2);
    heading->addWidget(title(tr("Welcome to Flotilla")), 1);
    layout->addLayout(heading);
    layout->addWidget(wrapped(tr("Flotilla manages the devices of a Particle product: customers, "
                                 "groups, moves and firmware rollouts. Try it on a demo fleet, "
                                 "or sign in to your Particle account.")));
    layout->addSpacing(12);
    // The two ways in, as large buttons with their icons.
    const int buttonHeight = 2 * fontMetrics().height() + 8;
    const QSize buttonIcon(fontMetrics().height() + 4, fontMetrics().height() + 4);
    m_demoButton = new QPushButton(Icons::customer(), tr("&Try the demo"));
    m_demoButton->setObjectName(QStringLiteral("tryDemoButton"));
    m_demoButton->setMinimumHeight(buttonHeight);
    m_demoButton->setIconSize(buttonIcon);
    connect(m_demoButton, &QPushButton::clicked, this, [this] {
        m_problem->hide();
        Q_EMIT demoRequested();
    });
    layout->addWidget(m_demoButton);
    m_demoNote = wrapped(tr("A simulated cloud with six customers and about 2,000 devices runs on "
                            "this computer; what you do in it is kept until you reset it "
                            "(View › Reset demo). No account needed."),
        QStringLiteral("demoNote"));
    layout->addWidget(m_demoNote);
    layout->addSpacing(12);
    m_signInChoice = new QPushButton(Icons::signIn(), tr("&Sign in to Particle"));
    m_signInChoice->setObjectName(QStringLiteral("signInChoiceButton"));
    m_signInChoice->setMinimumHeight(buttonHeight);
    m_signInChoice->setIconSize(buttonIcon);
    connect(m_signInChoice, &QPushButton::clicked, this, [this] { showSignIn(false); });
    layout->addWidget(m_signInChoice);
    layout->addWidget(wrapped(tr("With your Particle account (email and password) or an API "
                                 "user's access token; then choose the product.")));
    layout->addStretch(1);
    return page;
}

namespace {

// The bottom of a step: what it says (errors, progress), a busy bar, Back and the step's own
// button (the default one: Enter presses it).
struct Footer
{
    QLabel *status;
    QProgressBar *progress;
    QPushButton *back;
    QPushButton *go;
};

Footer addFooter(QVBoxLayout *layout, const QString &goText, const QString &name)
{
    Footer f {};
    f.status = wrapped(QString(), name + QStringLiteral("Status"));
    f.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(f.status);
    f.progress = new QProgressBar;
    f.progress->setRange(0, 0); // busy
    f.progress->setTextVisible(false);
    f.progress->setMaximumHeight(8);
    f.progress->setVisible(false);
    layout->addWidget(f.progress);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox;
    f.back = buttons->addButton(WelcomeWindow::tr("&Back"), QDialogButtonBox::RejectRole);
    f.back->setObjectName(name + QStringLiteral("Back"));
    f.go = buttons->addButton(goText, QDialogButtonBox::AcceptRole);
    f.go->setObjectName(name + QStringLiteral("Go"));
    f.go->setDefault(true);
    f.go->setAutoDefault(true);
    layout->addWidget(buttons);
    return f;
}

} // namespace

QWidget *WelcomeWindow::makeSignInPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("signInPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title(tr("Sign in to Particle")));
    m_signInIntro = wrapped(QString(), QStringLiteral("signInIntro"));
    layout->addWidget(m_signInIntro);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_cloud = new QLineEdit(DefaultCloud);
    m_cloud->setObjectName(QStringLiteral("cloudField"));
    m_cloud->setToolTip(tr("The Particle cloud's API address; a sandbox cloud on this computer "
                           "is reached with http://127.0.0.1:PORT"));
    form->addRow(tr("&Cloud:"), m_cloud);
    m_byPassword = new QRadioButton(tr("&Account (email and password)"));
    m_byPassword->setObjectName(QStringLiteral("byPassword"));
    m_byToken = new QRadioButton(tr("Access &token (an API user's)"));
    m_byToken->setObjectName(QStringLiteral("byToken"));
    m_method = new QButtonGroup(this);
    m_method->addButton(m_byPassword);
    m_method->addButton(m_byToken);
    m_byPassword->setChecked(true);
    auto *methods = new QVBoxLayout;
    methods->addWidget(m_byPassword);
    methods->addWidget(m_byToken);
    form->addRow(tr("Sign in with:"), methods);
    // One form, so that the fields line up; the method's rows are shown (updateMethod()).
    m_username = new QLineEdit;
    m_username->setObjectName(QStringLiteral("usernameField"));
    m_username->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    form->addRow(tr("&Email:"), m_username);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("tokenField"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setClearButtonEnabled(true);
    form->addRow(tr("Access t&oken:"), m_token);
    m_form = form;
    layout->addLayout(form);
    connect(m_byPassword, &QRadioButton::toggled, this, &WelcomeWindow::updateMethod);

    const Footer f = addFooter(layout, tr("Sign &in"), QStringLiteral("signIn"));
    connect(f.go, &QPushButton::clicked, this, &WelcomeWindow::submitSignIn);
    connect(f.back, &QPushButton::clicked, this, &WelcomeWindow::back);
    for (QLineEdit *field : {m_cloud, m_username, m_password, m_token})
        connect(field, &QLineEdit::returnPressed, this, &WelcomeWindow::submitSignIn);
    m_status.append(f.status);
    m_progress.append(f.progress);
    m_backButtons.append(f.back);
    m_goButtons.append(f.go);
    updateMethod();
    return page;
}

QWidget *WelcomeWindow::makeCodePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("codePage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title(tr("One-time code")));
    layout->addWidget(wrapped(tr("This account uses two-step verification: enter the code your "
                                 "authenticator app shows now.")));
    auto *form = new QFormLayout;
    m_code = new QLineEdit;
    m_code->setObjectName(QStringLiteral("codeField"));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_code->setMaxLength(12);
    form->addRow(tr("&Code:"), m_code);
    layout->addLayout(form);
    const Footer f = addFooter(layout, tr("&Verify"), QStringLiteral("code"));
    connect(f.go, &QPushButton::clicked, this, &WelcomeWindow::submitCode);
    connect(f.back, &QPushButton::clicked, this, &WelcomeWindow::back);
    connect(m_code, &QLineEdit::returnPressed, this, &WelcomeWindow::submitCode);
    m_status.append(f.status);
    m_progress.append(f.progress);
    m_backButtons.append(f.back);
    m_goButtons.append(f.go);
    return page;
}

QWidget *WelcomeWindow::makeProductPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("productPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title(tr("Choose the product")));
    layout->addWidget(wrapped(tr("The products this account can work with, its own and its "
                                 "organisations'. You can add more profiles later (File › "
                                 "Profiles).")));
    m_products = new QTreeWidget;
    m_products->setObjectName(QStringLiteral("productList"));
    m_products->setHeaderLabels({tr("Product"), tr("ID")});
    m_products->setRootIsDecorated(false);
    m_products->header()->setStretchLastSection(false);
    m_products->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_products->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_products, 1);
    const Footer f = addFooter(layout, tr("&Open"), QStringLiteral("product"));
    connect(f.go, &QPushButton::clicked, this, &WelcomeWindow::submitProduct);
    connect(f.back, &QPushButton::clicked, this, &WelcomeWindow::back);
    connect(m_products, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, ProductIdRole).toInt() > 0)
            submitProduct();
    });
    connect(m_products, &QTreeWidget::currentItemChanged, this, [this, go = f.go] {
        QTreeWidgetItem *item = m_products->currentItem();
        go->setEnabled(!m_busy && item && item->data(0, ProductIdRole).toInt() > 0);
    });
    m_status.append(f.status);
    m_progress.append(f.progress);
    m_backButtons.append(f.back);
    m_goButtons.append(f.go);
    return page;
}

// ---- moving between the pages ----------------------------------------------------------------

WelcomeWindow::Page WelcomeWindow::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

QString WelcomeWindow::statusText() const
{
    const int index = m_pages->currentIndex();
    if (index == 0)
        return m_problem->isVisible() ? m_problem->text() : m_demoNote->text();
    return m_status.at(index - 1)->text();
}

void WelcomeWindow::setDemoAvailable(bool available, const QString &why)
{
    m_demoButton->setEnabled(available);
    if (!available) {
        m_demoNote->setText(why);
        m_demoButton->setToolTip(why);
    }
}

void WelcomeWindow::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void WelcomeWindow::showChoices()
{
    m_again.reset();
    m_cancellable = false;
    m_pages->setCurrentIndex(int(Page::Choices));
    setWindowTitle(tr("Welcome to Flotilla"));
    (m_demoButton->isEnabled() ? m_demoButton : m_signInChoice)->setFocus();
}

void WelcomeWindow::showSignIn(bool cancellable)
{
    m_again.reset();
    m_cancellable = cancellable;
    m_problem->hide();
    m_cloud->setEnabled(true);
    m_byPassword->setEnabled(true);
    m_byToken->setEnabled(true);
    m_username->setEnabled(true);
    m_signInIntro->setText(tr("Flotilla keeps the access token it gets in the system keychain, "
                              "never the password."));
    setWindowTitle(tr("Sign in to Particle"));
    setBusy(false, QString());
    m_pages->setCurrentIndex(int(Page::SignIn));
    (m_byPassword->isChecked() ? m_username : m_token)->setFocus();
}

void WelcomeWindow::signInAgain(const Session::Profile &profile, const QString &why)
{
    showSignIn(true);
    m_again = profile;
    m_cloud->setText(profile.apiUrl.toString());
    m_cloud->setEnabled(false);
    if (profile.username.isEmpty()) {
        m_byToken->setChecked(true);
    } else {
        m_byPassword->setChecked(true);
        m_username->setText(profile.username);
        m_username->setEnabled(false);
    }
    m_signInIntro->setText(
        tr("%1 Sign in again to go on with \"%2\": changes not yet sent are kept and sent once "
           "you are signed in.")
            .arg(why, profile.name));
    (m_byPassword->isChecked() ? m_password : m_token)->setFocus();
}

void WelcomeWindow::back()
{
    if (m_busy) {
        // Stop waiting: the answer, when it comes, goes nowhere.
        retireAccount();
        setBusy(false, QString());
        return;
    }
    switch (page()) {
    case Page::Code:
    case Page::Product:
        m_pendingToken.clear();
        m_pages->setCurrentIndex(int(Page::SignIn));
        setWindowTitle(tr("Sign in to Particle"));
        setBusy(false, QString());
        m_password->clear();
        (m_byPassword->isChecked() ? m_password : m_token)->setFocus();
        return;
    case Page::SignIn:
        m_password->clear();
        m_token->clear();
        if (m_cancellable || m_again) {
            m_again.reset();
            Q_EMIT cancelled();
            return;
        }
        showChoices();
        return;
    case Page::Choices:
        return;
    }
}

void WelcomeWindow::updateMethod()
{
    const bool byPassword = m_byPassword->isChecked();
    m_form->setRowVisible(m_username, byPassword);
    m_form->setRowVisible(m_password, byPassword);
    m_form->setRowVisible(m_token, !byPassword);
}

void WelcomeWindow::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    const int index = m_pages->currentIndex() - 1;
    for (int i = 0; i < m_status.size(); ++i) {
        m_progress.at(i)->setVisible(busy && i == index);
        m_goButtons.at(i)->setEnabled(!busy);
        m_backButtons.at(i)->setText(busy ? tr("&Cancel") : tr("&Back"));
        if (i == index)
            m_status.at(i)->setText(status);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_token),
             static_cast<QWidget *>(m_code), static_cast<QWidget *>(m_products)})
        w->setEnabled(!busy);
    if (!busy && page() == Page::Product) {
        QTreeWidgetItem *item = m_products->currentItem();
        m_goButtons.last()->setEnabled(item && item->data(0, ProductIdRole).toInt() > 0);
    }
}

void WelcomeWindow::fail(const QString &message, QWidget *focus)
{
    qCInfo(lcViews) << "sign-in did not succeed";
    setBusy(false, message);
    if (focus) {
        focus->setFocus();
        if (auto *field = qobject_cast<QLineEdit *>(focus))
            field->selectAll();
    }
}

QString WelcomeWindow::unreachableText(const QString &detail) const
{
    return tr("The cloud cannot be reached (%1). Check the address and the network, and try "
              "again.")
        .arg(detail);
}

void WelcomeWindow::retireAccount()
{
    if (m_account)
        m_account.release()->deleteLater();
}

// ---- signing in --------------------------------------------------------------------------------

void WelcomeWindow::submitSignIn()
{
    if (m_busy || page() != Page::SignIn)
        return;
    QString urlError;
    const QUrl url = Session::CloudSession::apiUrlFromUserInput(m_cloud->text(), &urlError);
    if (!urlError.isEmpty()) {
        fail(urlError, m_cloud);
        return;
    }
    m_apiUrl = url;
    if (m_byToken->isChecked()) {
        const QString token = m_token->text().trimmed();
        if (token.isEmpty()) {
            fail(tr("Enter the access token."), m_token);
            return;
        }
        m_token->clear();
        useToken(token, QString());
        return;
    }
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    if (username.isEmpty() || password.isEmpty()) {
        fail(tr("Enter the email and the password of your Particle account."),
            username.isEmpty() ? m_username : m_password);
        return;
    }
    retireAccount();
    m_account = std::make_unique<Session::CloudAccount>(url, QString());
    setBusy(true, tr("Signing in…"));
    m_account->logIn(username, password, this, [this, username](Session::CloudAccount::Login l) {
        m_password->clear(); // never kept
        using Failure = Session::CloudAccount::Failure;
        if (!l.mfaToken.isEmpty()) {
            m_mfaToken = l.mfaToken;
            m_pendingUser = username;
            setBusy(false, QString());
            m_code->clear();
            m_pages->setCurrentIndex(int(Page::Code));
            setWindowTitle(tr("One-time code"));
            setBusy(false, QString());
            m_code->setFocus();
            return;
        }
        switch (l.failure) {
        case Failure::None:
            useToken(l.token, username);
            return;
        case Failure::Refused:
            fail(tr("Wrong email or password."), m_password);
            return;
        case Failure::Unreachable:
            fail(unreachableText(l.error), m_cloud);
            return;
        case Failure::Other:
            break;
        }
        fail(tr("Not signed in: %1").arg(l.error), m_password);
    });
}

void WelcomeWindow::submitCode()
{
    if (m_busy || page() != Page::Code || !m_account)
        return;
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        fail(tr("Enter the code your authenticator app shows."), m_code);
        return;
    }
    setBusy(true, tr("Checking the code…"));
    m_account->logInWithCode(m_mfaToken, code, this, [this](Session::CloudAccount::Login l) {
        using Failure = Session::CloudAccount::Failure;
        switch (l.failure) {
        case Failure::None:
            m_code->clear();
            useToken(l.token, m_pendingUser);
            return;
        case Failure::Refused:
            fail(tr("Wrong or expired code: enter the code your authenticator app shows now."),
                m_code);
            return;
        case Failure::Unreachable:
            fail(unreachableText(l.error), m_code);
            return;
        case Failure::Other:
            break;
        }
        fail(tr("Not signed in: %1").arg(l.error), m_code);
    });
}

void WelcomeWindow::useToken(const QString &token, const QString &username)
{
    retireAccount(); // may be answering now: deleted once it returns
    m_account = std::make_unique<Session::CloudAccount>(m_apiUrl, token);
    setBusy(true, tr("Reading the account…"));
    // Whose token it is: the profile names the account (an API user's token has none).
    m_account->owner(this, [this, token, username](Session::CloudAccount::Owner owner) {
        using Failure = Session::CloudAccount::Failure;
        if (owner.failure == Failure::Refused) {
            fail(tr("The cloud refused this access token: it is invalid, expired or revoked."),
                m_byToken->isChecked() ? m_token : m_password);
            return;
        }
        if (owner.failure == Failure::Unreachable) {
            fail(unreachableText(owner.error), m_cloud);
            return;
        }
        const QString who = owner.username.isEmpty() ? username : owner.username;
        if (m_again) {
            if (who.compare(m_again->username, Qt::CaseInsensitive) != 0) {
                fail(tr("This signs in as %1, not as %2 of this profile.")
                         .arg(who.isEmpty() ? tr("an API user") : who,
                             m_again->username.isEmpty() ? tr("the API user") : m_again->username),
                    m_byToken->isChecked() ? m_token : m_password);
                return;
            }
            const Session::Profile profile = *m_again;
            m_again.reset();
            setBusy(false, QString());
            retireAccount();
            Q_EMIT signedIn(profile, token);
            return;
        }
        chooseProduct(token, who);
    });
}

void WelcomeWindow::chooseProduct(const QString &token, const QString &username)
{
    setBusy(true, tr("Reading the products…"));
    m_account->catalogue(this, [this, token, username](Session::CloudAccount::Catalogue c) {
        using Failure = Session::CloudAccount::Failure;
        if (c.failure == Failure::Refused) {
            fail(tr("The cloud refused this access token: it is invalid, expired or revoked."),
                m_token);
            return;
        }
        if (c.failure != Failure::None) {
            fail(c.failure == Failure::Unreachable
                    ? unreachableText(c.error)
                    : tr("The products cannot be read: %1").arg(c.error),
                m_cloud);
            return;
        }
        if (c.productCount() == 0) {
            fail(tr("This account has no product. Create one in the Particle console, or ask to "
                    "be added to a product's team."),
                m_byToken->isChecked() ? m_token : m_username);
            return;
        }
        m_pendingToken = token;
        m_pendingUser = username;
        m_products->clear();
        QTreeWidgetItem *first = nullptr;
        for (const Session::CloudAccount::ProductGroup &group : c.groups) {
            if (group.products.isEmpty())
                continue;
            auto *heading = new QTreeWidgetItem(m_products,
                {group.org.isEmpty() ? tr("Your products")
                                     : tr("Organisation %1").arg(group.orgName)});
            heading->setFlags(Qt::ItemIsEnabled);
            QFont bold = heading->font(0);
            bold.setBold(true);
            heading->setFont(0, bold);
            for (const Domain::Product &product : group.products) {
                auto *item = new QTreeWidgetItem(m_products,
                    {QStringLiteral("    ") + product.name, QString::number(product.id)});
                item->setData(0, ProductIdRole, product.id);
                item->setData(0, ProductNameRole, product.name);
                item->setToolTip(0, product.slug);
                if (!first)
                    first = item;
            }
        }
        m_pages->setCurrentIndex(int(Page::Product));
        setWindowTitle(tr("Choose the product"));
        setBusy(false, QString());
        m_products->setCurrentItem(first);
        m_products->setFocus();
    });
}

void WelcomeWindow::submitProduct()
{
    if (m_busy || page() != Page::Product || m_pendingToken.isEmpty())
        return;
    QTreeWidgetItem *item = m_products->currentItem();
    const int productId = item ? item->data(0, ProductIdRole).toInt() : 0;
    if (productId <= 0) {
        fail(tr("Choose a product."), m_products);
        return;
    }
    Session::Profile profile;
    profile.apiUrl = m_apiUrl;
    profile.productId = productId;
    profile.productName = item->data(0, ProductNameRole).toString();
    profile.username = m_pendingUser;
    profile.name = Session::Profiles::suggestName(m_pendingUser, profile.productName);
    const QString token = m_pendingToken;
    m_pendingToken.clear();
    retireAccount();
    qCInfo(lcViews) << "signed in; product" << productId << "chosen";
    Q_EMIT signedIn(profile, token);
}

} // namespace Flotilla::Views
