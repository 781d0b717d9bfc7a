// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

// The translation contexts of Flotilla's code that has no QObject to call tr() on: one per layer.
// Code in namespace Flotilla::<Layer> writes `Text::tr("…")` (or `Text::tr("%Ln device(s)",
// nullptr, n)`); lupdate sees each call and files it under the layer's context ("Flotilla::Sync",
// …).
namespace Flotilla {
namespace Domain {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Domain)
};
} // namespace Domain
namespace Io {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Io)
};
} // namespace Io
namespace Store {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Store)
};
} // namespace Store
namespace Remote {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Remote)
};
} // namespace Remote
namespace Sync {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Sync)
};
} // namespace Sync
namespace Rollout {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Rollout)
};
} // namespace Rollout
namespace Tree {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Tree)
};
} // namespace Tree
namespace Edit {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Edit)
};
} // namespace Edit
namespace Session {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Session)
};
} // namespace Session
namespace Ctl {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Ctl)
};
} // namespace Ctl
namespace Views {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::Views)
};
} // namespace Views
namespace App {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::App)
};
} // namespace App
} // namespace Flotilla
