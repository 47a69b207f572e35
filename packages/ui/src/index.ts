// @homestart/ui: what the three portals share. Styles: import "@homestart/ui/styles.css".

export { type ApiClientOptions, createApiClient, isForbidden } from "./api/client.ts";
export {
  type LocalizedText,
  type Refusal,
  ROLES,
  type Role,
  SessionLoginMutation,
  SessionLogoutMutation,
  SessionViewerQuery,
  type Viewer,
} from "./api/operations.ts";
export {
  type Auth,
  AuthProvider,
  type AuthState,
  type FailureReason,
  failureReason,
  type LoginOutcome,
  useAuth,
  useViewer,
} from "./auth/AuthProvider.tsx";
export { type ChartSeries, saveTextFile, TrendChart, type TrendChartProps } from "./charts/index.ts";
export { Alert, type AlertProps, type AlertType } from "./components/Alert.tsx";
export { Button, type ButtonAppearance, type ButtonProps } from "./components/Button.tsx";
export { ChoiceGroup, type ChoiceGroupProps } from "./components/ChoiceGroup.tsx";
export { ConfirmButton, type ConfirmButtonProps } from "./components/ConfirmButton.tsx";
export { cx } from "./components/classNames.ts";
export { DateField, type DateFieldProps } from "./components/DateField.tsx";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState.tsx";
export { type FigureRow, FiguresTable, type FiguresTableProps } from "./components/FiguresTable.tsx";
export { Heading, type HeadingLevel, type HeadingProps } from "./components/Heading.tsx";
export { HomeIntro, type HomeIntroProps } from "./components/HomeIntro.tsx";
export { BrandMark, Icon, type IconName } from "./components/Icon.tsx";
export { LanguageSwitch } from "./components/LanguageSwitch.tsx";
export { Loading } from "./components/Loading.tsx";
export { LoginForm } from "./components/LoginForm.tsx";
export { LogoutButton } from "./components/LogoutButton.tsx";
export { NotFound, type NotFoundProps } from "./components/NotFound.tsx";
export { Pager, type PagerProps } from "./components/Pager.tsx";
export { usePageTitle } from "./components/PageTitle.tsx";
export { PortalLayout, type PortalLayoutProps } from "./components/PortalLayout.tsx";
export { currentFor, type NavItem, PortalNav, type PortalNavProps } from "./components/PortalNav.tsx";
export { PortalShell, type PortalShellProps } from "./components/PortalShell.tsx";
export { QueryView, type QueryViewProps } from "./components/QueryView.tsx";
export { RecordPage, type RecordPageProps } from "./components/RecordPage.tsx";
export { RequireRole, type RequireRoleProps, WrongPortalNotice } from "./components/RequireRole.tsx";
export { type ScopeItem, ScopeList, type ScopeListProps } from "./components/ScopeList.tsx";
export { SelectField, type SelectFieldProps } from "./components/SelectField.tsx";
export { type Stat, StatGrid } from "./components/StatGrid.tsx";
export {
  type FigureCellValue,
  FigureValue,
  SuppressedMark,
  type SuppressionKind,
  SuppressionNotes,
  suppressionKind,
  suppressionNoteId,
} from "./components/Suppression.tsx";
export { TableHead } from "./components/TableHead.tsx";
export { TextAreaField, type TextAreaFieldProps } from "./components/TextAreaField.tsx";
export { TextField, type TextFieldProps } from "./components/TextField.tsx";
export { YearForm, type YearFormProps } from "./components/YearForm.tsx";
export { FormProblem, fieldError, type Problem } from "./forms/FormProblem.tsx";
export { type MutationOutcome, useRefusableMutation } from "./forms/useRefusableMutation.ts";
export {
  DEFAULT_LOCALE,
  type Dictionaries,
  defineDictionaries,
  definePortalDictionaries,
  LOCALES,
  type Locale,
  type PortalKey,
  type SharedKey,
  sharedDictionaries,
} from "./i18n/dictionaries.ts";
export {
  type DateStyle,
  formatDate,
  formatDateTime,
  formatNumber,
  intlLocale,
  parseCalendarDate,
  TIME_ZONE,
  useFormat,
} from "./i18n/format.ts";
export {
  I18nProvider,
  type I18nProviderProps,
  interpolate,
  type Translate,
  type TranslateValues,
  useLocale,
  useLocalized,
  useT,
} from "./i18n/I18nProvider.tsx";
export { type MountPortalOptions, mountPortal } from "./mount.tsx";
export { RouteFocus } from "./routing/RouteFocus.tsx";
export { lastFullYear, useSearchState, useYearParam } from "./routing/search.ts";
