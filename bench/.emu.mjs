var __defProp = Object.defineProperty;
var __export = (target, all5) => {
  for (var name in all5)
    __defProp(target, name, { get: all5[name], enumerable: true });
};

// ../../tmp/p/emu.ts
import * as Effect34 from "effect/Effect";

// src/services/ConnectedApp.ts
import * as Context3 from "effect/Context";
import * as Effect4 from "effect/Effect";
import * as Layer3 from "effect/Layer";

// src/internal/client.ts
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";

// src/schemas/Errors.ts
import * as Data2 from "effect/Data";
import * as ParseResult from "effect/ParseResult";

// src/schemas/StytchApiError.ts
import * as Data from "effect/Data";
var TypeId = /* @__PURE__ */ Symbol.for("effect-stytch/StytchError");
var StytchApiError = class extends Data.Error {
  [TypeId] = TypeId;
  get name() {
    return this._tag;
  }
  get message() {
    return `${this.error_type}: ${this.error_message} (HTTP ${this.status_code}, request_id ${this.request_id})`;
  }
  toJSON() {
    const { error_details, error_message, error_type, error_url, request_id, status_code } = this;
    return {
      _tag: this._tag,
      status_code,
      request_id,
      error_type,
      error_message,
      error_url,
      ...error_details === void 0 ? {} : { error_details }
    };
  }
};
var tagged = (tag, errorType) => {
  class Tagged extends StytchApiError {
  }
  Object.defineProperty(Tagged.prototype, "_tag", { value: tag, enumerable: true });
  Object.defineProperty(Tagged, "name", { value: tag });
  Object.defineProperty(Tagged, "errorType", { value: errorType });
  return Tagged;
};

// src/schemas/ErrorTypes.ts
var ActionAvailableOnlyForActiveMembers = tagged("ActionAvailableOnlyForActiveMembers", "action_available_only_for_active_members");
var ActionAvailableOnlyOncePrimaryAuthenticationIsMet = tagged("ActionAvailableOnlyOncePrimaryAuthenticationIsMet", "action_available_only_once_primary_authentication_is_met");
var ActionNotAllowedEmailDomainIsClaimed = tagged("ActionNotAllowedEmailDomainIsClaimed", "action_not_allowed_email_domain_is_claimed");
var ActiveScimConnectionExists = tagged("ActiveScimConnectionExists", "active_scim_connection_exists");
var ActiveTotpExists = tagged("ActiveTotpExists", "active_totp_exists");
var AdBlockerDetected = tagged("AdBlockerDetected", "ad_blocker_detected");
var AllowListMaxExceeded = tagged("AllowListMaxExceeded", "allow_list_max_exceeded");
var AllowedAuthMethodsRequiredForRestricted = tagged("AllowedAuthMethodsRequiredForRestricted", "allowed_auth_methods_required_for_restricted");
var AllowedMfaMethodsRequiredForRestricted = tagged("AllowedMfaMethodsRequiredForRestricted", "allowed_mfa_methods_required_for_restricted");
var AppleOauthConfigNotFound = tagged("AppleOauthConfigNotFound", "apple_oauth_config_not_found");
var Argon2KeyLengthMismatch = tagged("Argon2KeyLengthMismatch", "argon_2_key_length_mismatch");
var AttributeMismatch = tagged("AttributeMismatch", "attribute_mismatch");
var AuthorizationEndpointNotConfiguredForProject = tagged("AuthorizationEndpointNotConfiguredForProject", "authorization_endpoint_not_configured_for_project");
var BadAppBundleForStytchSdk = tagged("BadAppBundleForStytchSdk", "bad_app_bundle_for_stytch_sdk");
var BadDomainForStytchSdk = tagged("BadDomainForStytchSdk", "bad_domain_for_stytch_sdk");
var BadRequest = tagged("BadRequest", "bad_request");
var BadVerticalForStytchSdk = tagged("BadVerticalForStytchSdk", "bad_vertical_for_stytch_sdk");
var BillingInfoNotFound = tagged("BillingInfoNotFound", "billing_info_not_found");
var BillingNotVerified = tagged("BillingNotVerified", "billing_not_verified");
var BillingNotVerifiedForEmail = tagged("BillingNotVerifiedForEmail", "billing_not_verified_for_email");
var BiometricRegistrationNotFound = tagged("BiometricRegistrationNotFound", "biometric_registration_not_found");
var BreachedPassword = tagged("BreachedPassword", "breached_password");
var BulkMigrateInvalidUserCount = tagged("BulkMigrateInvalidUserCount", "bulk_migrate_invalid_user_count");
var CannotAddPemFileToNonPemTrustedTokenProfile = tagged("CannotAddPemFileToNonPemTrustedTokenProfile", "cannot_add_pem_file_to_non_pem_trusted_token_profile");
var CannotAssignDefaultRbacRoleId = tagged("CannotAssignDefaultRbacRoleId", "cannot_assign_default_rbac_role_id");
var CannotDeleteDefaultEmailTemplate = tagged("CannotDeleteDefaultEmailTemplate", "cannot_delete_default_email_template");
var CannotDeleteDefaultSsoConnection = tagged("CannotDeleteDefaultSsoConnection", "cannot_delete_default_sso_connection");
var CannotDeleteEmail = tagged("CannotDeleteEmail", "cannot_delete_email");
var CannotDeleteLastPrimaryFactor = tagged("CannotDeleteLastPrimaryFactor", "cannot_delete_last_primary_factor");
var CannotDeleteLastSsoVerificationKey = tagged("CannotDeleteLastSsoVerificationKey", "cannot_delete_last_sso_verification_key");
var CannotPreserveExistingSessions = tagged("CannotPreserveExistingSessions", "cannot_preserve_existing_sessions");
var CannotRemovePrimaryAuthMechanism = tagged("CannotRemovePrimaryAuthMechanism", "cannot_remove_primary_auth_mechanism");
var CannotResetPasswordWithExistingPassword = tagged("CannotResetPasswordWithExistingPassword", "cannot_reset_password_with_existing_password");
var CannotSpecifyWildcardWithOtherActions = tagged("CannotSpecifyWildcardWithOtherActions", "cannot_specify_wildcard_with_other_actions");
var CannotToggleCrossOrgPasswordsWhenPasswordInUse = tagged("CannotToggleCrossOrgPasswordsWhenPasswordInUse", "cannot_toggle_cross_org_passwords_when_password_in_use");
var CannotUpdateTrustedMetadata = tagged("CannotUpdateTrustedMetadata", "cannot_update_trusted_metadata");
var CannotUseBiometricsWithPendingUser = tagged("CannotUseBiometricsWithPendingUser", "cannot_use_biometrics_with_pending_user");
var CannotUseWebauthnWithPendingUser = tagged("CannotUseWebauthnWithPendingUser", "cannot_use_webauthn_with_pending_user");
var CaptchaFailed = tagged("CaptchaFailed", "captcha_failed");
var CaptchaProviderNotFound = tagged("CaptchaProviderNotFound", "captcha_provider_not_found");
var CaptchaRequired = tagged("CaptchaRequired", "captcha_required");
var CidrBlockInvalidPrefix = tagged("CidrBlockInvalidPrefix", "cidr_block_invalid_prefix");
var ClaimedEmailDomainsNotSupported = tagged("ClaimedEmailDomainsNotSupported", "claimed_email_domains_not_supported");
var ClientClosedRequest = tagged("ClientClosedRequest", "client_closed_request");
var ClientSecretTooLong = tagged("ClientSecretTooLong", "client_secret_too_long");
var CnameInvalidForHttpOnlyCookies = tagged("CnameInvalidForHttpOnlyCookies", "cname_invalid_for_http_only_cookies");
var CnameRecordNotFound = tagged("CnameRecordNotFound", "cname_record_not_found");
var CnameRequiredForHttpOnlyCookies = tagged("CnameRequiredForHttpOnlyCookies", "cname_required_for_http_only_cookies");
var CnameRequiredToEnableHttpOnlyCookies = tagged("CnameRequiredToEnableHttpOnlyCookies", "cname_required_to_enable_http_only_cookies");
var ConnectedAppAlreadyRotatingSecret = tagged("ConnectedAppAlreadyRotatingSecret", "connected_app_already_rotating_secret");
var ConnectedAppConsentRevoked = tagged("ConnectedAppConsentRevoked", "connected_app_consent_revoked");
var ConnectedAppInvalidRedirectUrl = tagged("ConnectedAppInvalidRedirectUrl", "connected_app_invalid_redirect_url");
var ConnectedAppMisconfiguredClient = tagged("ConnectedAppMisconfiguredClient", "connected_app_misconfigured_client");
var ConnectedAppNotAllowedForOrg = tagged("ConnectedAppNotAllowedForOrg", "connected_app_not_allowed_for_org");
var ConnectedAppNotFound = tagged("ConnectedAppNotFound", "connected_app_not_found");
var ConnectedAppNotRotatingSecret = tagged("ConnectedAppNotRotatingSecret", "connected_app_not_rotating_secret");
var ConnectedAppRedirectUrlCannotUseLocalhost = tagged("ConnectedAppRedirectUrlCannotUseLocalhost", "connected_app_redirect_url_cannot_use_localhost");
var ConnectedAppRedirectUrlHttpSchemeMustUseLoopback = tagged("ConnectedAppRedirectUrlHttpSchemeMustUseLoopback", "connected_app_redirect_url_http_scheme_must_use_loopback");
var ConnectedAppRedirectUrlMustIncludeScheme = tagged("ConnectedAppRedirectUrlMustIncludeScheme", "connected_app_redirect_url_must_include_scheme");
var ConnectedAppRedirectUrlMustUseHttpOrHttpsScheme = tagged("ConnectedAppRedirectUrlMustUseHttpOrHttpsScheme", "connected_app_redirect_url_must_use_http_or_https_scheme");
var ConnectedAppRedirectUrlMustUseHttpsScheme = tagged("ConnectedAppRedirectUrlMustUseHttpsScheme", "connected_app_redirect_url_must_use_https_scheme");
var ConnectedAppSuppliedRedirectUrlNotFoundInClient = tagged("ConnectedAppSuppliedRedirectUrlNotFoundInClient", "connected_app_supplied_redirect_url_not_found_in_client");
var ConsumerSessionAuthorizationError = tagged("ConsumerSessionAuthorizationError", "consumer_session_authorization_error");
var ContextCanceledError = tagged("ContextCanceledError", "context_canceled_error");
var CouldNotParseBiometricSignature = tagged("CouldNotParseBiometricSignature", "could_not_parse_biometric_signature");
var CountryCodeAllowlistB2bWhatsappNotSupported = tagged("CountryCodeAllowlistB2bWhatsappNotSupported", "country_code_allowlist_b2b_whatsapp_not_supported");
var CountryCodeAllowlistBillingNotVerified = tagged("CountryCodeAllowlistBillingNotVerified", "country_code_allowlist_billing_not_verified");
var CountryCodeAllowlistEmpty = tagged("CountryCodeAllowlistEmpty", "country_code_allowlist_empty");
var CountryCodeAllowlistInvalidCountryCodes = tagged("CountryCodeAllowlistInvalidCountryCodes", "country_code_allowlist_invalid_country_codes");
var CrossOrgPasswordsEnabled = tagged("CrossOrgPasswordsEnabled", "cross_org_passwords_enabled");
var CrossOrgPasswordsNotEnabled = tagged("CrossOrgPasswordsNotEnabled", "cross_org_passwords_not_enabled");
var CryptoWalletNotFound = tagged("CryptoWalletNotFound", "crypto_wallet_not_found");
var CryptoWalletTypeIncompatibleWithSiwe = tagged("CryptoWalletTypeIncompatibleWithSiwe", "crypto_wallet_type_incompatible_with_siwe");
var CustomClaimsTooLarge = tagged("CustomClaimsTooLarge", "custom_claims_too_large");
var DefaultMfaMemberMissingFactor = tagged("DefaultMfaMemberMissingFactor", "default_mfa_member_missing_factor");
var DefaultProviderNotAllowed = tagged("DefaultProviderNotAllowed", "default_provider_not_allowed");
var DenyListMaxExceeded = tagged("DenyListMaxExceeded", "deny_list_max_exceeded");
var DeprecatedEndpoint = tagged("DeprecatedEndpoint", "deprecated_endpoint");
var DesiredEmailDeactivatedByDifferentMember = tagged("DesiredEmailDeactivatedByDifferentMember", "desired_email_deactivated_by_different_member");
var DesiredEmailUpdatingForDifferentMember = tagged("DesiredEmailUpdatingForDifferentMember", "desired_email_updating_for_different_member");
var DfpRuleInvalidCursor = tagged("DfpRuleInvalidCursor", "dfp_rule_invalid_cursor");
var DownstreamCarrierError = tagged("DownstreamCarrierError", "downstream_carrier_error");
var DuplicateBiometricRegistration = tagged("DuplicateBiometricRegistration", "duplicate_biometric_registration");
var DuplicateCustomHostnameFound = tagged("DuplicateCustomHostnameFound", "duplicate_custom_hostname_found");
var DuplicateEmail = tagged("DuplicateEmail", "duplicate_email");
var DuplicateEmailForUser = tagged("DuplicateEmailForUser", "duplicate_email_for_user");
var DuplicateEmailTemplateVanityId = tagged("DuplicateEmailTemplateVanityId", "duplicate_email_template_vanity_id");
var DuplicateExternalSsoConnection = tagged("DuplicateExternalSsoConnection", "duplicate_external_sso_connection");
var DuplicateM2mClientId = tagged("DuplicateM2mClientId", "duplicate_m2m_client_id");
var DuplicateMemberEmail = tagged("DuplicateMemberEmail", "duplicate_member_email");
var DuplicateMemberExternalId = tagged("DuplicateMemberExternalId", "duplicate_member_external_id");
var DuplicateMemberPhoneNumber = tagged("DuplicateMemberPhoneNumber", "duplicate_member_phone_number");
var DuplicateMemberPhoneNumberForMember = tagged("DuplicateMemberPhoneNumberForMember", "duplicate_member_phone_number_for_member");
var DuplicateOrganization = tagged("DuplicateOrganization", "duplicate_organization");
var DuplicateOrganizationUser = tagged("DuplicateOrganizationUser", "duplicate_organization_user");
var DuplicatePhoneNumber = tagged("DuplicatePhoneNumber", "duplicate_phone_number");
var DuplicatePhoneNumberForUser = tagged("DuplicatePhoneNumberForUser", "duplicate_phone_number_for_user");
var DuplicateProjectUser = tagged("DuplicateProjectUser", "duplicate_project_user");
var DuplicateRedirectUrl = tagged("DuplicateRedirectUrl", "duplicate_redirect_url");
var DuplicateSamlConnection = tagged("DuplicateSamlConnection", "duplicate_saml_connection");
var DuplicateSamlResponse = tagged("DuplicateSamlResponse", "duplicate_saml_response");
var DuplicateUserExternalId = tagged("DuplicateUserExternalId", "duplicate_user_external_id");
var DuplicateWalletAddress = tagged("DuplicateWalletAddress", "duplicate_wallet_address");
var DuplicateWalletAddressForUser = tagged("DuplicateWalletAddressForUser", "duplicate_wallet_address_for_user");
var DuplicateWebauthnRegistration = tagged("DuplicateWebauthnRegistration", "duplicate_webauthn_registration");
var DynamicClientRegistrationNotEnabled = tagged("DynamicClientRegistrationNotEnabled", "dynamic_client_registration_not_enabled");
var EmailInDenylist = tagged("EmailInDenylist", "email_in_denylist");
var EmailJitProvisioningNotAllowed = tagged("EmailJitProvisioningNotAllowed", "email_jit_provisioning_not_allowed");
var EmailNotFound = tagged("EmailNotFound", "email_not_found");
var EmailNotInAllowlist = tagged("EmailNotInAllowlist", "email_not_in_allowlist");
var EmailSettingsNotFound = tagged("EmailSettingsNotFound", "email_settings_not_found");
var EmailTemplateNotFound = tagged("EmailTemplateNotFound", "email_template_not_found");
var EmailUnverifiedForReactivation = tagged("EmailUnverifiedForReactivation", "email_unverified_for_reactivation");
var EmailUpdatesAvailableOnlyForActiveMembers = tagged("EmailUpdatesAvailableOnlyForActiveMembers", "email_updates_available_only_for_active_members");
var EmailVerificationRequired = tagged("EmailVerificationRequired", "email_verification_required");
var EmptyRbacResourceId = tagged("EmptyRbacResourceId", "empty_rbac_resource_id");
var EmptyRbacRoleId = tagged("EmptyRbacRoleId", "empty_rbac_role_id");
var EmptyRbacScope = tagged("EmptyRbacScope", "empty_rbac_scope");
var EmptyWebauthnRegistrationName = tagged("EmptyWebauthnRegistrationName", "empty_webauthn_registration_name");
var EndpointNotAuthorizedForSdk = tagged("EndpointNotAuthorizedForSdk", "endpoint_not_authorized_for_sdk");
var EnterpriseEndpoint = tagged("EnterpriseEndpoint", "enterprise_endpoint");
var EventLogStreamingBadDatadogConfig = tagged("EventLogStreamingBadDatadogConfig", "event_log_streaming_bad_datadog_config");
var EventLogStreamingBadGrafanaLokiConfig = tagged("EventLogStreamingBadGrafanaLokiConfig", "event_log_streaming_bad_grafana_loki_config");
var EventLogStreamingInvalidDestinationType = tagged("EventLogStreamingInvalidDestinationType", "event_log_streaming_invalid_destination_type");
var EventLogStreamingInvalidStreamingStatus = tagged("EventLogStreamingInvalidStreamingStatus", "event_log_streaming_invalid_streaming_status");
var EventLogStreamingNotFound = tagged("EventLogStreamingNotFound", "event_log_streaming_not_found");
var EventLogStreamingTooManyDestinations = tagged("EventLogStreamingTooManyDestinations", "event_log_streaming_too_many_destinations");
var ExpiredOauthResponse = tagged("ExpiredOauthResponse", "expired_oauth_response");
var ExpiredOidcResponse = tagged("ExpiredOidcResponse", "expired_oidc_response");
var ExpiredSamlResponse = tagged("ExpiredSamlResponse", "expired_saml_response");
var ExpiredTotp = tagged("ExpiredTotp", "expired_totp");
var ExternalConnectionIdNotFound = tagged("ExternalConnectionIdNotFound", "external_connection_id_not_found");
var ExternalConnectionNotActive = tagged("ExternalConnectionNotActive", "external_connection_not_active");
var ExternalOrganizationIdSameAsOrganizationId = tagged("ExternalOrganizationIdSameAsOrganizationId", "external_organization_id_same_as_organization_id");
var FailedSamlResponse = tagged("FailedSamlResponse", "failed_saml_response");
var ForbiddenCharacterZeroWidthSpace = tagged("ForbiddenCharacterZeroWidthSpace", "forbidden_character_zero_width_space");
var IdTokenExpired = tagged("IdTokenExpired", "id_token_expired");
var IdTokenIncorrectAudience = tagged("IdTokenIncorrectAudience", "id_token_incorrect_audience");
var IdTokenInvalid = tagged("IdTokenInvalid", "id_token_invalid");
var IdTokenNonceInvalid = tagged("IdTokenNonceInvalid", "id_token_nonce_invalid");
var IdpAccessTokenCouldNotBeExchanged = tagged("IdpAccessTokenCouldNotBeExchanged", "idp_access_token_could_not_be_exchanged");
var IdpAccessTokenExpired = tagged("IdpAccessTokenExpired", "idp_access_token_expired");
var IdpAccessTokenNotFound = tagged("IdpAccessTokenNotFound", "idp_access_token_not_found");
var IdpAuthCodeExpired = tagged("IdpAuthCodeExpired", "idp_auth_code_expired");
var IdpAuthCodeNotFound = tagged("IdpAuthCodeNotFound", "idp_auth_code_not_found");
var IdpInvalidAccessTokenCustomAudience = tagged("IdpInvalidAccessTokenCustomAudience", "idp_invalid_access_token_custom_audience");
var IdpInvalidAccessTokenExpiryMinutes = tagged("IdpInvalidAccessTokenExpiryMinutes", "idp_invalid_access_token_expiry_minutes");
var IdpInvalidAccessTokenJwtTemplate = tagged("IdpInvalidAccessTokenJwtTemplate", "idp_invalid_access_token_jwt_template");
var IdpRefreshTokenAlreadyUsed = tagged("IdpRefreshTokenAlreadyUsed", "idp_refresh_token_already_used");
var IdpRefreshTokenExpired = tagged("IdpRefreshTokenExpired", "idp_refresh_token_expired");
var IdpRefreshTokenNotFound = tagged("IdpRefreshTokenNotFound", "idp_refresh_token_not_found");
var InactiveEmail = tagged("InactiveEmail", "inactive_email");
var IncompatibleSessionType = tagged("IncompatibleSessionType", "incompatible_session_type");
var IndeterminateSsoConnectionForOrganization = tagged("IndeterminateSsoConnectionForOrganization", "indeterminate_sso_connection_for_organization");
var InsecureM2mClientSecret = tagged("InsecureM2mClientSecret", "insecure_m2m_client_secret");
var InsufficientFactors = tagged("InsufficientFactors", "insufficient_factors");
var InsufficientFactorsForSessionExchange = tagged("InsufficientFactorsForSessionExchange", "insufficient_factors_for_session_exchange");
var IntermediateSessionNotFound = tagged("IntermediateSessionNotFound", "intermediate_session_not_found");
var InternalServerError = tagged("InternalServerError", "internal_server_error");
var InvalidActionForRules = tagged("InvalidActionForRules", "invalid_action_for_rules");
var InvalidAppendSalt = tagged("InvalidAppendSalt", "invalid_append_salt");
var InvalidArgon2IterationAmount = tagged("InvalidArgon2IterationAmount", "invalid_argon_2_iteration_amount");
var InvalidArgon2KeyLength = tagged("InvalidArgon2KeyLength", "invalid_argon_2_key_length");
var InvalidArgon2Memory = tagged("InvalidArgon2Memory", "invalid_argon_2_memory");
var InvalidArgon2Salt = tagged("InvalidArgon2Salt", "invalid_argon_2_salt");
var InvalidArgon2Threads = tagged("InvalidArgon2Threads", "invalid_argon_2_threads");
var InvalidArgument = tagged("InvalidArgument", "invalid_argument");
var InvalidAsn = tagged("InvalidAsn", "invalid_asn");
var InvalidAudienceSamlResponse = tagged("InvalidAudienceSamlResponse", "invalid_audience_saml_response");
var InvalidAuthenticationType = tagged("InvalidAuthenticationType", "invalid_authentication_type");
var InvalidAuthenticatorType = tagged("InvalidAuthenticatorType", "invalid_authenticator_type");
var InvalidAuthorizationHeader = tagged("InvalidAuthorizationHeader", "invalid_authorization_header");
var InvalidAuthorizationUrl = tagged("InvalidAuthorizationUrl", "invalid_authorization_url");
var InvalidB2bEndpoint = tagged("InvalidB2bEndpoint", "invalid_b2b_endpoint");
var InvalidBase64ScryptHash = tagged("InvalidBase64ScryptHash", "invalid_base64_scrypt_hash");
var InvalidBase64ScryptSalt = tagged("InvalidBase64ScryptSalt", "invalid_base64_scrypt_salt");
var InvalidBcryptCost = tagged("InvalidBcryptCost", "invalid_bcrypt_cost");
var InvalidBcryptHash = tagged("InvalidBcryptHash", "invalid_bcrypt_hash");
var InvalidBiometricRegistrationId = tagged("InvalidBiometricRegistrationId", "invalid_biometric_registration_id");
var InvalidCallbackId = tagged("InvalidCallbackId", "invalid_callback_id");
var InvalidCaptchaProviderId = tagged("InvalidCaptchaProviderId", "invalid_captcha_provider_id");
var InvalidCaptchaProviderType = tagged("InvalidCaptchaProviderType", "invalid_captcha_provider_type");
var InvalidCaptchaThreshold = tagged("InvalidCaptchaThreshold", "invalid_captcha_threshold");
var InvalidCidrBlock = tagged("InvalidCidrBlock", "invalid_cidr_block");
var InvalidClientId = tagged("InvalidClientId", "invalid_client_id");
var InvalidClientSecret = tagged("InvalidClientSecret", "invalid_client_secret");
var InvalidCode = tagged("InvalidCode", "invalid_code");
var InvalidConnectedAppType = tagged("InvalidConnectedAppType", "invalid_connected_app_type");
var InvalidConnectionForJitProvisioning = tagged("InvalidConnectionForJitProvisioning", "invalid_connection_for_jit_provisioning");
var InvalidConsumerEndpoint = tagged("InvalidConsumerEndpoint", "invalid_consumer_endpoint");
var InvalidCountryCode = tagged("InvalidCountryCode", "invalid_country_code");
var InvalidCountryCodeAllowRule = tagged("InvalidCountryCodeAllowRule", "invalid_country_code_allow_rule");
var InvalidCreateUserRequest = tagged("InvalidCreateUserRequest", "invalid_create_user_request");
var InvalidCryptoWalletAddress = tagged("InvalidCryptoWalletAddress", "invalid_crypto_wallet_address");
var InvalidCryptoWalletId = tagged("InvalidCryptoWalletId", "invalid_crypto_wallet_id");
var InvalidDefaultUrl = tagged("InvalidDefaultUrl", "invalid_default_url");
var InvalidDiscoveryRedirectUrl = tagged("InvalidDiscoveryRedirectUrl", "invalid_discovery_redirect_url");
var InvalidDisplayName = tagged("InvalidDisplayName", "invalid_display_name");
var InvalidDomain = tagged("InvalidDomain", "invalid_domain");
var InvalidEmail = tagged("InvalidEmail", "invalid_email");
var InvalidEmailDomain = tagged("InvalidEmailDomain", "invalid_email_domain");
var InvalidEmailForInvites = tagged("InvalidEmailForInvites", "invalid_email_for_invites");
var InvalidEmailForJitProvisioning = tagged("InvalidEmailForJitProvisioning", "invalid_email_for_jit_provisioning");
var InvalidEmailHtml = tagged("InvalidEmailHtml", "invalid_email_html");
var InvalidEmailId = tagged("InvalidEmailId", "invalid_email_id");
var InvalidEmailPlaintext = tagged("InvalidEmailPlaintext", "invalid_email_plaintext");
var InvalidEmailSandbox = tagged("InvalidEmailSandbox", "invalid_email_sandbox");
var InvalidEmailSubject = tagged("InvalidEmailSubject", "invalid_email_subject");
var InvalidEmailTemplateContent = tagged("InvalidEmailTemplateContent", "invalid_email_template_content");
var InvalidEmailTemplateParameters = tagged("InvalidEmailTemplateParameters", "invalid_email_template_parameters");
var InvalidEthereumAddress = tagged("InvalidEthereumAddress", "invalid_ethereum_address");
var InvalidExchangePrimaryFactorFields = tagged("InvalidExchangePrimaryFactorFields", "invalid_exchange_primary_factor_fields");
var InvalidExchangePrimaryFactorUser = tagged("InvalidExchangePrimaryFactorUser", "invalid_exchange_primary_factor_user");
var InvalidExpiration = tagged("InvalidExpiration", "invalid_expiration");
var InvalidExpirationOtp = tagged("InvalidExpirationOtp", "invalid_expiration_otp");
var InvalidExternalMetadata = tagged("InvalidExternalMetadata", "invalid_external_metadata");
var InvalidFingerprintOrId = tagged("InvalidFingerprintOrId", "invalid_fingerprint_or_id");
var InvalidFromLocalPart = tagged("InvalidFromLocalPart", "invalid_from_local_part");
var InvalidGoogleHostedDomainError = tagged("InvalidGoogleHostedDomainError", "invalid_google_hosted_domain_error");
var InvalidHash = tagged("InvalidHash", "invalid_hash");
var InvalidHashType = tagged("InvalidHashType", "invalid_hash_type");
var InvalidId = tagged("InvalidId", "invalid_id");
var InvalidIdpEntityId = tagged("InvalidIdpEntityId", "invalid_idp_entity_id");
var InvalidIdpSsoUrl = tagged("InvalidIdpSsoUrl", "invalid_idp_sso_url");
var InvalidImpersonationReason = tagged("InvalidImpersonationReason", "invalid_impersonation_reason");
var InvalidIntermediateSessionTokenForOrganization = tagged("InvalidIntermediateSessionTokenForOrganization", "invalid_intermediate_session_token_for_organization");
var InvalidInviteMagicLinkUrl = tagged("InvalidInviteMagicLinkUrl", "invalid_invite_magic_link_url");
var InvalidInviteRedirectUrl = tagged("InvalidInviteRedirectUrl", "invalid_invite_redirect_url");
var InvalidIpAddress = tagged("InvalidIpAddress", "invalid_ip_address");
var InvalidIssuer = tagged("InvalidIssuer", "invalid_issuer");
var InvalidJwksUrl = tagged("InvalidJwksUrl", "invalid_jwks_url");
var InvalidLocale = tagged("InvalidLocale", "invalid_locale");
var InvalidLoginMagicLinkUrl = tagged("InvalidLoginMagicLinkUrl", "invalid_login_magic_link_url");
var InvalidLoginOauthUrl = tagged("InvalidLoginOauthUrl", "invalid_login_oauth_url");
var InvalidLoginRedirectUrl = tagged("InvalidLoginRedirectUrl", "invalid_login_redirect_url");
var InvalidLoginSsoUrl = tagged("InvalidLoginSsoUrl", "invalid_login_sso_url");
var InvalidM2mClientScope = tagged("InvalidM2mClientScope", "invalid_m2m_client_scope");
var InvalidM2mClientStatus = tagged("InvalidM2mClientStatus", "invalid_m2m_client_status");
var InvalidMagicLinkUrl = tagged("InvalidMagicLinkUrl", "invalid_magic_link_url");
var InvalidMd5Hash = tagged("InvalidMd5Hash", "invalid_md_5_hash");
var InvalidMemberGetFields = tagged("InvalidMemberGetFields", "invalid_member_get_fields");
var InvalidMethodId = tagged("InvalidMethodId", "invalid_method_id");
var InvalidMfaDefaultMethod = tagged("InvalidMfaDefaultMethod", "invalid_mfa_default_method");
var InvalidMicrosoftTenantType = tagged("InvalidMicrosoftTenantType", "invalid_microsoft_tenant_type");
var InvalidMicrosoftUserPrincipalName = tagged("InvalidMicrosoftUserPrincipalName", "invalid_microsoft_user_principal_name");
var InvalidMobileIdentifier = tagged("InvalidMobileIdentifier", "invalid_mobile_identifier");
var InvalidOauthAllowedTenantsFormat = tagged("InvalidOauthAllowedTenantsFormat", "invalid_oauth_allowed_tenants_format");
var InvalidOauthAttachToken = tagged("InvalidOauthAttachToken", "invalid_oauth_attach_token");
var InvalidOauthProvider = tagged("InvalidOauthProvider", "invalid_oauth_provider");
var InvalidOauthTenantForJitProvisioning = tagged("InvalidOauthTenantForJitProvisioning", "invalid_oauth_tenant_for_jit_provisioning");
var InvalidOauthUserRegistrationId = tagged("InvalidOauthUserRegistrationId", "invalid_oauth_user_registration_id");
var InvalidOrganizationAllowedAuthMethods = tagged("InvalidOrganizationAllowedAuthMethods", "invalid_organization_allowed_auth_methods");
var InvalidOrganizationAllowedMfaMethods = tagged("InvalidOrganizationAllowedMfaMethods", "invalid_organization_allowed_mfa_methods");
var InvalidOrganizationAuthFactorSetting = tagged("InvalidOrganizationAuthFactorSetting", "invalid_organization_auth_factor_setting");
var InvalidOrganizationAuthFactorSettingForEmailJitProvisioning = tagged("InvalidOrganizationAuthFactorSettingForEmailJitProvisioning", "invalid_organization_auth_factor_setting_for_email_jit_provisioning");
var InvalidOrganizationAuthFactorSettingForOauthTenantJitProvisioning = tagged("InvalidOrganizationAuthFactorSettingForOauthTenantJitProvisioning", "invalid_organization_auth_factor_setting_for_oauth_tenant_jit_provisioning");
var InvalidOrganizationAuthMethodSettings = tagged("InvalidOrganizationAuthMethodSettings", "invalid_organization_auth_method_settings");
var InvalidOrganizationExternalId = tagged("InvalidOrganizationExternalId", "invalid_organization_external_id");
var InvalidOrganizationId = tagged("InvalidOrganizationId", "invalid_organization_id");
var InvalidOrganizationMfaFactorSetting = tagged("InvalidOrganizationMfaFactorSetting", "invalid_organization_mfa_factor_setting");
var InvalidOrganizationMfaPolicy = tagged("InvalidOrganizationMfaPolicy", "invalid_organization_mfa_policy");
var InvalidOrganizationName = tagged("InvalidOrganizationName", "invalid_organization_name");
var InvalidOrganizationSlug = tagged("InvalidOrganizationSlug", "invalid_organization_slug");
var InvalidPasswordId = tagged("InvalidPasswordId", "invalid_password_id");
var InvalidPasswordResetRedirectUrl = tagged("InvalidPasswordResetRedirectUrl", "invalid_password_reset_redirect_url");
var InvalidPasswordStrengthLudsComplexity = tagged("InvalidPasswordStrengthLudsComplexity", "invalid_password_strength_luds_complexity");
var InvalidPasswordStrengthLudsLength = tagged("InvalidPasswordStrengthLudsLength", "invalid_password_strength_luds_length");
var InvalidPbkdf2Algorithm = tagged("InvalidPbkdf2Algorithm", "invalid_pbkdf_2_algorithm");
var InvalidPbkdf2Hash = tagged("InvalidPbkdf2Hash", "invalid_pbkdf_2_hash");
var InvalidPbkdf2IterationAmount = tagged("InvalidPbkdf2IterationAmount", "invalid_pbkdf_2_iteration_amount");
var InvalidPbkdf2Salt = tagged("InvalidPbkdf2Salt", "invalid_pbkdf_2_salt");
var InvalidPermissionAction = tagged("InvalidPermissionAction", "invalid_permission_action");
var InvalidPermissionResource = tagged("InvalidPermissionResource", "invalid_permission_resource");
var InvalidPhoneNumber = tagged("InvalidPhoneNumber", "invalid_phone_number");
var InvalidPhoneNumberCountryCode = tagged("InvalidPhoneNumberCountryCode", "invalid_phone_number_country_code");
var InvalidPhoneNumberDocs = tagged("InvalidPhoneNumberDocs", "invalid_phone_number_docs");
var InvalidPhoneNumberSandbox = tagged("InvalidPhoneNumberSandbox", "invalid_phone_number_sandbox");
var InvalidPhpassHashFormat = tagged("InvalidPhpassHashFormat", "invalid_phpass_hash_format");
var InvalidPhpassHashPrefix = tagged("InvalidPhpassHashPrefix", "invalid_phpass_hash_prefix");
var InvalidPkceCodeChallenge = tagged("InvalidPkceCodeChallenge", "invalid_pkce_code_challenge");
var InvalidPkceCodeVerifier = tagged("InvalidPkceCodeVerifier", "invalid_pkce_code_verifier");
var InvalidPrependSalt = tagged("InvalidPrependSalt", "invalid_prepend_salt");
var InvalidProjectId = tagged("InvalidProjectId", "invalid_project_id");
var InvalidProjectIdAuthentication = tagged("InvalidProjectIdAuthentication", "invalid_project_id_authentication");
var InvalidProjectName = tagged("InvalidProjectName", "invalid_project_name");
var InvalidPublicKey = tagged("InvalidPublicKey", "invalid_public_key");
var InvalidPublicKeyCredential = tagged("InvalidPublicKeyCredential", "invalid_public_key_credential");
var InvalidPublicKeyCredentialInvalidAuthenticatorData = tagged("InvalidPublicKeyCredentialInvalidAuthenticatorData", "invalid_public_key_credential_invalid_authenticator_data");
var InvalidPublicKeyCredentialInvalidId = tagged("InvalidPublicKeyCredentialInvalidId", "invalid_public_key_credential_invalid_id");
var InvalidPublicKeyCredentialInvalidSignature = tagged("InvalidPublicKeyCredentialInvalidSignature", "invalid_public_key_credential_invalid_signature");
var InvalidPublicKeyCredentialMalformedAttestationObject = tagged("InvalidPublicKeyCredentialMalformedAttestationObject", "invalid_public_key_credential_malformed_attestation_object");
var InvalidPublicKeyCredentialMalformedClientDataJson = tagged("InvalidPublicKeyCredentialMalformedClientDataJson", "invalid_public_key_credential_malformed_client_data_json");
var InvalidPublicKeyCredentialMissingAttestationObjectField = tagged("InvalidPublicKeyCredentialMissingAttestationObjectField", "invalid_public_key_credential_missing_attestation_object_field");
var InvalidPublicKeyCredentialMissingAuthenticatorDataField = tagged("InvalidPublicKeyCredentialMissingAuthenticatorDataField", "invalid_public_key_credential_missing_authenticator_data_field");
var InvalidPublicKeyCredentialMissingClientDataJsonField = tagged("InvalidPublicKeyCredentialMissingClientDataJsonField", "invalid_public_key_credential_missing_client_data_json_field");
var InvalidPublicKeyCredentialMissingIdField = tagged("InvalidPublicKeyCredentialMissingIdField", "invalid_public_key_credential_missing_id_field");
var InvalidPublicKeyCredentialMissingResponseField = tagged("InvalidPublicKeyCredentialMissingResponseField", "invalid_public_key_credential_missing_response_field");
var InvalidPublicKeyCredentialMissingSignatureField = tagged("InvalidPublicKeyCredentialMissingSignatureField", "invalid_public_key_credential_missing_signature_field");
var InvalidPublicTokenId = tagged("InvalidPublicTokenId", "invalid_public_token_id");
var InvalidRbacCustomRole = tagged("InvalidRbacCustomRole", "invalid_rbac_custom_role");
var InvalidRbacRoleAssignment = tagged("InvalidRbacRoleAssignment", "invalid_rbac_role_assignment");
var InvalidRbacRoleId = tagged("InvalidRbacRoleId", "invalid_rbac_role_id");
var InvalidRbacScope = tagged("InvalidRbacScope", "invalid_rbac_scope");
var InvalidRbacStytchRoleEdit = tagged("InvalidRbacStytchRoleEdit", "invalid_rbac_stytch_role_edit");
var InvalidRecoveryCode = tagged("InvalidRecoveryCode", "invalid_recovery_code");
var InvalidRedirectUrlType = tagged("InvalidRedirectUrlType", "invalid_redirect_url_type");
var InvalidReplyToLocalPart = tagged("InvalidReplyToLocalPart", "invalid_reply_to_local_part");
var InvalidRequestId = tagged("InvalidRequestId", "invalid_request_id");
var InvalidRequestValue = tagged("InvalidRequestValue", "invalid_request_value");
var InvalidRestrictedEmailSetting = tagged("InvalidRestrictedEmailSetting", "invalid_restricted_email_setting");
var InvalidRestrictedOauthTenantsSetting = tagged("InvalidRestrictedOauthTenantsSetting", "invalid_restricted_oauth_tenants_setting");
var InvalidRestrictedSsoSetting = tagged("InvalidRestrictedSsoSetting", "invalid_restricted_sso_setting");
var InvalidRole = tagged("InvalidRole", "invalid_role");
var InvalidSamlMetadataUrl = tagged("InvalidSamlMetadataUrl", "invalid_saml_metadata_url");
var InvalidSamlResponse = tagged("InvalidSamlResponse", "invalid_saml_response");
var InvalidSamlResponseEmail = tagged("InvalidSamlResponseEmail", "invalid_saml_response_email");
var InvalidSamlResponseGroups = tagged("InvalidSamlResponseGroups", "invalid_saml_response_groups");
var InvalidScimIdp = tagged("InvalidScimIdp", "invalid_scim_idp");
var InvalidScryptNParameter = tagged("InvalidScryptNParameter", "invalid_scrypt_n_parameter");
var InvalidScryptParameters = tagged("InvalidScryptParameters", "invalid_scrypt_parameters");
var InvalidScryptSaltLength = tagged("InvalidScryptSaltLength", "invalid_scrypt_salt_length");
var InvalidSecretAuthentication = tagged("InvalidSecretAuthentication", "invalid_secret_authentication");
var InvalidSecretId = tagged("InvalidSecretId", "invalid_secret_id");
var InvalidSessionDuration = tagged("InvalidSessionDuration", "invalid_session_duration");
var InvalidSessionDurationMinutes = tagged("InvalidSessionDurationMinutes", "invalid_session_duration_minutes");
var InvalidSessionFields = tagged("InvalidSessionFields", "invalid_session_fields");
var InvalidSessionId = tagged("InvalidSessionId", "invalid_session_id");
var InvalidSessionManagement = tagged("InvalidSessionManagement", "invalid_session_management");
var InvalidSessionMissingPrimaryFactor = tagged("InvalidSessionMissingPrimaryFactor", "invalid_session_missing_primary_factor");
var InvalidSessionToken = tagged("InvalidSessionToken", "invalid_session_token");
var InvalidSessionTokenDocs = tagged("InvalidSessionTokenDocs", "invalid_session_token_docs");
var InvalidSha1Hash = tagged("InvalidSha1Hash", "invalid_sha_1_hash");
var InvalidSha512Hash = tagged("InvalidSha512Hash", "invalid_sha_512_hash");
var InvalidSignature = tagged("InvalidSignature", "invalid_signature");
var InvalidSignatureSamlResponse = tagged("InvalidSignatureSamlResponse", "invalid_signature_saml_response");
var InvalidSignupMagicLinkUrl = tagged("InvalidSignupMagicLinkUrl", "invalid_signup_magic_link_url");
var InvalidSignupOauthUrl = tagged("InvalidSignupOauthUrl", "invalid_signup_oauth_url");
var InvalidSignupRedirectUrl = tagged("InvalidSignupRedirectUrl", "invalid_signup_redirect_url");
var InvalidSignupSsoUrl = tagged("InvalidSignupSsoUrl", "invalid_signup_sso_url");
var InvalidSiweChainId = tagged("InvalidSiweChainId", "invalid_siwe_chain_id");
var InvalidSiweDomain = tagged("InvalidSiweDomain", "invalid_siwe_domain");
var InvalidSiweMessageRequestId = tagged("InvalidSiweMessageRequestId", "invalid_siwe_message_request_id");
var InvalidSiweResource = tagged("InvalidSiweResource", "invalid_siwe_resource");
var InvalidSiweStatement = tagged("InvalidSiweStatement", "invalid_siwe_statement");
var InvalidSiweUri = tagged("InvalidSiweUri", "invalid_siwe_uri");
var InvalidSolanaAddress = tagged("InvalidSolanaAddress", "invalid_solana_address");
var InvalidSsoDefaultConnectionId = tagged("InvalidSsoDefaultConnectionId", "invalid_sso_default_connection_id");
var InvalidSsoIdp = tagged("InvalidSsoIdp", "invalid_sso_idp");
var InvalidStytchPrefixedResource = tagged("InvalidStytchPrefixedResource", "invalid_stytch_prefixed_resource");
var InvalidSubject = tagged("InvalidSubject", "invalid_subject");
var InvalidTemplateId = tagged("InvalidTemplateId", "invalid_template_id");
var InvalidTemplateValues = tagged("InvalidTemplateValues", "invalid_template_values");
var InvalidToken = tagged("InvalidToken", "invalid_token");
var InvalidTokenDocs = tagged("InvalidTokenDocs", "invalid_token_docs");
var InvalidTokenOrganizationIdClaim = tagged("InvalidTokenOrganizationIdClaim", "invalid_token_organization_id_claim");
var InvalidTokenUrl = tagged("InvalidTokenUrl", "invalid_token_url");
var InvalidTotpCode = tagged("InvalidTotpCode", "invalid_totp_code");
var InvalidTotpId = tagged("InvalidTotpId", "invalid_totp_id");
var InvalidTrustedAuthToken = tagged("InvalidTrustedAuthToken", "invalid_trusted_auth_token");
var InvalidUrl = tagged("InvalidUrl", "invalid_url");
var InvalidUserAgent = tagged("InvalidUserAgent", "invalid_user_agent");
var InvalidUserId = tagged("InvalidUserId", "invalid_user_id");
var InvalidUserLockThreshold = tagged("InvalidUserLockThreshold", "invalid_user_lock_threshold");
var InvalidUserLockTtl = tagged("InvalidUserLockTtl", "invalid_user_lock_ttl");
var InvalidUserinfoUrl = tagged("InvalidUserinfoUrl", "invalid_userinfo_url");
var InvalidWalletAddressUser = tagged("InvalidWalletAddressUser", "invalid_wallet_address_user");
var InvalidWalletType = tagged("InvalidWalletType", "invalid_wallet_type");
var InvalidWebauthnRegistrationDomain = tagged("InvalidWebauthnRegistrationDomain", "invalid_webauthn_registration_domain");
var InvalidWebauthnRegistrationId = tagged("InvalidWebauthnRegistrationId", "invalid_webauthn_registration_id");
var InvalidWildcardAction = tagged("InvalidWildcardAction", "invalid_wildcard_action");
var InvalidX509Certificate = tagged("InvalidX509Certificate", "invalid_x509_certificate");
var InvalidXmlFromSamlMetadataUrl = tagged("InvalidXmlFromSamlMetadataUrl", "invalid_xml_from_saml_metadata_url");
var InvalidXmlSamlResponse = tagged("InvalidXmlSamlResponse", "invalid_xml_saml_response");
var JwtInvalidAudience = tagged("JwtInvalidAudience", "jwt_invalid_audience");
var JwtInvalidClaims = tagged("JwtInvalidClaims", "jwt_invalid_claims");
var JwtInvalidIssuer = tagged("JwtInvalidIssuer", "jwt_invalid_issuer");
var JwtTemplateInvalidJson = tagged("JwtTemplateInvalidJson", "jwt_template_invalid_json");
var JwtTemplateInvalidTag = tagged("JwtTemplateInvalidTag", "jwt_template_invalid_tag");
var JwtTemplateMismatchedTag = tagged("JwtTemplateMismatchedTag", "jwt_template_mismatched_tag");
var JwtTemplateNotFound = tagged("JwtTemplateNotFound", "jwt_template_not_found");
var LiveIdUsedInTestEnvironment = tagged("LiveIdUsedInTestEnvironment", "live_id_used_in_test_environment");
var M2mClientAlreadyRotatingSecret = tagged("M2mClientAlreadyRotatingSecret", "m2m_client_already_rotating_secret");
var M2mClientInvalidClientDescription = tagged("M2mClientInvalidClientDescription", "m2m_client_invalid_client_description");
var M2mClientInvalidClientId = tagged("M2mClientInvalidClientId", "m2m_client_invalid_client_id");
var M2mClientInvalidClientName = tagged("M2mClientInvalidClientName", "m2m_client_invalid_client_name");
var M2mClientInvalidClientSecret = tagged("M2mClientInvalidClientSecret", "m2m_client_invalid_client_secret");
var M2mClientInvalidStatus = tagged("M2mClientInvalidStatus", "m2m_client_invalid_status");
var M2mClientNotFound = tagged("M2mClientNotFound", "m2m_client_not_found");
var M2mClientNotRotatingSecret = tagged("M2mClientNotRotatingSecret", "m2m_client_not_rotating_secret");
var M2mSearchExpectedArrayOfStrings = tagged("M2mSearchExpectedArrayOfStrings", "m2m_search_expected_array_of_strings");
var M2mSearchFilterNameMustBeString = tagged("M2mSearchFilterNameMustBeString", "m2m_search_filter_name_must_be_string");
var M2mSearchFilterNameNotRecognized = tagged("M2mSearchFilterNameNotRecognized", "m2m_search_filter_name_not_recognized");
var M2mSearchMissingFilterName = tagged("M2mSearchMissingFilterName", "m2m_search_missing_filter_name");
var M2mSearchMissingFilterValue = tagged("M2mSearchMissingFilterValue", "m2m_search_missing_filter_value");
var MagicLinkNotFound = tagged("MagicLinkNotFound", "magic_link_not_found");
var MemberCannotUpdateTheirEmailAddress = tagged("MemberCannotUpdateTheirEmailAddress", "member_cannot_update_their_email_address");
var MemberDashboardSearchDisabled = tagged("MemberDashboardSearchDisabled", "member_dashboard_search_disabled");
var MemberDoesNotExistInOrganization = tagged("MemberDoesNotExistInOrganization", "member_does_not_exist_in_organization");
var MemberHasNoActiveVerifiedEmail = tagged("MemberHasNoActiveVerifiedEmail", "member_has_no_active_verified_email");
var MemberImpersonationNotAllowed = tagged("MemberImpersonationNotAllowed", "member_impersonation_not_allowed");
var MemberNotFound = tagged("MemberNotFound", "member_not_found");
var MemberOauthTokenNotFound = tagged("MemberOauthTokenNotFound", "member_oauth_token_not_found");
var MemberOidcTokenNotFound = tagged("MemberOidcTokenNotFound", "member_oidc_token_not_found");
var MemberPasswordNotFound = tagged("MemberPasswordNotFound", "member_password_not_found");
var MemberPhoneNumberNotFound = tagged("MemberPhoneNumberNotFound", "member_phone_number_not_found");
var MemberResetPassword = tagged("MemberResetPassword", "member_reset_password");
var MemberSearchCannotMixInternalAndExternalMemberIds = tagged("MemberSearchCannotMixInternalAndExternalMemberIds", "member_search_cannot_mix_internal_and_external_member_ids");
var MemberSearchExpectedArrayOfStrings = tagged("MemberSearchExpectedArrayOfStrings", "member_search_expected_array_of_strings");
var MemberSearchExpectedBoolean = tagged("MemberSearchExpectedBoolean", "member_search_expected_boolean");
var MemberSearchExpectedString = tagged("MemberSearchExpectedString", "member_search_expected_string");
var MemberSearchFilterNameMustBeString = tagged("MemberSearchFilterNameMustBeString", "member_search_filter_name_must_be_string");
var MemberSearchFilterNameNotRecognized = tagged("MemberSearchFilterNameNotRecognized", "member_search_filter_name_not_recognized");
var MemberSearchMemberEmailFuzzyTooShort = tagged("MemberSearchMemberEmailFuzzyTooShort", "member_search_member_email_fuzzy_too_short");
var MemberSearchMemberMfaPhoneNumberFuzzyTooShort = tagged("MemberSearchMemberMfaPhoneNumberFuzzyTooShort", "member_search_member_mfa_phone_number_fuzzy_too_short");
var MemberSearchMissingFilterName = tagged("MemberSearchMissingFilterName", "member_search_missing_filter_name");
var MemberSearchMissingFilterValue = tagged("MemberSearchMissingFilterValue", "member_search_missing_filter_value");
var MemberSearchMissingIsBreakglass = tagged("MemberSearchMissingIsBreakglass", "member_search_missing_is_breakglass");
var MemberSearchMissingMemberEmailFuzzy = tagged("MemberSearchMissingMemberEmailFuzzy", "member_search_missing_member_email_fuzzy");
var MemberSearchMissingMemberEmails = tagged("MemberSearchMissingMemberEmails", "member_search_missing_member_emails");
var MemberSearchMissingMemberIds = tagged("MemberSearchMissingMemberIds", "member_search_missing_member_ids");
var MemberSearchMissingMemberRoles = tagged("MemberSearchMissingMemberRoles", "member_search_missing_member_roles");
var MemberSearchMissingMfaMemberPhoneNumberFuzzy = tagged("MemberSearchMissingMfaMemberPhoneNumberFuzzy", "member_search_missing_mfa_member_phone_number_fuzzy");
var MemberSearchMissingMfaMemberPhoneNumbers = tagged("MemberSearchMissingMfaMemberPhoneNumbers", "member_search_missing_mfa_member_phone_numbers");
var MemberSearchMissingOauthProviders = tagged("MemberSearchMissingOauthProviders", "member_search_missing_oauth_providers");
var MemberSearchMissingOrganizationId = tagged("MemberSearchMissingOrganizationId", "member_search_missing_organization_id");
var MemberSearchMissingOrganizationSlug = tagged("MemberSearchMissingOrganizationSlug", "member_search_missing_organization_slug");
var MemberSearchMissingOrganizationSlugFuzzy = tagged("MemberSearchMissingOrganizationSlugFuzzy", "member_search_missing_organization_slug_fuzzy");
var MemberSearchMissingPasswordExists = tagged("MemberSearchMissingPasswordExists", "member_search_missing_password_exists");
var MemberSearchMissingStatus = tagged("MemberSearchMissingStatus", "member_search_missing_status");
var MemberSearchMissingStatuses = tagged("MemberSearchMissingStatuses", "member_search_missing_statuses");
var MemberSearchMissingTotpExists = tagged("MemberSearchMissingTotpExists", "member_search_missing_totp_exists");
var MemberSearchOrganizationIdsEmpty = tagged("MemberSearchOrganizationIdsEmpty", "member_search_organization_ids_empty");
var MemberSearchOrganizationSlugFuzzyTooShort = tagged("MemberSearchOrganizationSlugFuzzyTooShort", "member_search_organization_slug_fuzzy_too_short");
var MemberSessionMemberIdMismatch = tagged("MemberSessionMemberIdMismatch", "member_session_member_id_mismatch");
var MetadataInvalidFormat = tagged("MetadataInvalidFormat", "metadata_invalid_format");
var MetadataTooLarge = tagged("MetadataTooLarge", "metadata_too_large");
var MetadataTooManyKeys = tagged("MetadataTooManyKeys", "metadata_too_many_keys");
var MethodNotAllowed = tagged("MethodNotAllowed", "method_not_allowed");
var MigrateFromExternalEmailDoesNotExist = tagged("MigrateFromExternalEmailDoesNotExist", "migrate_from_external_email_does_not_exist");
var MigrateFromExternalMissingUserinfo = tagged("MigrateFromExternalMissingUserinfo", "migrate_from_external_missing_userinfo");
var MigrateFromExternalUnexpectedResponse = tagged("MigrateFromExternalUnexpectedResponse", "migrate_from_external_unexpected_response");
var MissingAppleAppId = tagged("MissingAppleAppId", "missing_apple_app_id");
var MissingOauthOrganizationLocator = tagged("MissingOauthOrganizationLocator", "missing_oauth_organization_locator");
var MissingOauthRefreshToken = tagged("MissingOauthRefreshToken", "missing_oauth_refresh_token");
var MissingOidcCsrfCookie = tagged("MissingOidcCsrfCookie", "missing_oidc_csrf_cookie");
var MissingOidcRefreshToken = tagged("MissingOidcRefreshToken", "missing_oidc_refresh_token");
var MissingOidcStateParam = tagged("MissingOidcStateParam", "missing_oidc_state_param");
var MissingSamlCsrfCookie = tagged("MissingSamlCsrfCookie", "missing_saml_csrf_cookie");
var MissingSamlRelayState = tagged("MissingSamlRelayState", "missing_saml_relay_state");
var MissingSamlResponse = tagged("MissingSamlResponse", "missing_saml_response");
var MissingSignatureSamlResponse = tagged("MissingSignatureSamlResponse", "missing_signature_saml_response");
var MissingSmsParameter = tagged("MissingSmsParameter", "missing_sms_parameter");
var MissingSsoConnectionLocator = tagged("MissingSsoConnectionLocator", "missing_sso_connection_locator");
var MustHaveJwksUrlForTrustedTokenProfileWithTypeJwk = tagged("MustHaveJwksUrlForTrustedTokenProfileWithTypeJwk", "must_have_jwks_url_for_trusted_token_profile_with_type_jwk");
var MustHavePemFilesForTrustedTokenProfileWithTypePem = tagged("MustHavePemFilesForTrustedTokenProfileWithTypePem", "must_have_pem_files_for_trusted_token_profile_with_type_pem");
var NoActiveBiometricRegistrations = tagged("NoActiveBiometricRegistrations", "no_active_biometric_registrations");
var NoActiveRecoveryCodeBackedFactor = tagged("NoActiveRecoveryCodeBackedFactor", "no_active_recovery_code_backed_factor");
var NoActiveScimConnection = tagged("NoActiveScimConnection", "no_active_scim_connection");
var NoActiveWebauthnRegistrations = tagged("NoActiveWebauthnRegistrations", "no_active_webauthn_registrations");
var NoAssociatedSessionPassedIn = tagged("NoAssociatedSessionPassedIn", "no_associated_session_passed_in");
var NoCaptchaProviderConfigured = tagged("NoCaptchaProviderConfigured", "no_captcha_provider_configured");
var NoDefaultDiscoveryRedirectUrlSet = tagged("NoDefaultDiscoveryRedirectUrlSet", "no_default_discovery_redirect_url_set");
var NoDefaultInviteRedirectUrlSet = tagged("NoDefaultInviteRedirectUrlSet", "no_default_invite_redirect_url_set");
var NoDefaultLoginRedirectUrlSet = tagged("NoDefaultLoginRedirectUrlSet", "no_default_login_redirect_url_set");
var NoDefaultSignupRedirectUrlSet = tagged("NoDefaultSignupRedirectUrlSet", "no_default_signup_redirect_url_set");
var NoDeletedMemberFoundForReactivation = tagged("NoDeletedMemberFoundForReactivation", "no_deleted_member_found_for_reactivation");
var NoDiscoveryRedirectUrl = tagged("NoDiscoveryRedirectUrl", "no_discovery_redirect_url");
var NoDiscoveryRedirectUrlsSet = tagged("NoDiscoveryRedirectUrlsSet", "no_discovery_redirect_urls_set");
var NoInviteRedirectUrl = tagged("NoInviteRedirectUrl", "no_invite_redirect_url");
var NoInviteRedirectUrlsSet = tagged("NoInviteRedirectUrlsSet", "no_invite_redirect_urls_set");
var NoLoginRedirectUrl = tagged("NoLoginRedirectUrl", "no_login_redirect_url");
var NoLoginRedirectUrlsSet = tagged("NoLoginRedirectUrlsSet", "no_login_redirect_urls_set");
var NoMatchForProvidedMagicLinkUrl = tagged("NoMatchForProvidedMagicLinkUrl", "no_match_for_provided_magic_link_url");
var NoMatchForProvidedOauthUrl = tagged("NoMatchForProvidedOauthUrl", "no_match_for_provided_oauth_url");
var NoMatchForProvidedSsoUrl = tagged("NoMatchForProvidedSsoUrl", "no_match_for_provided_sso_url");
var NoOauthAuthorizeMemberSelector = tagged("NoOauthAuthorizeMemberSelector", "no_oauth_authorize_member_selector");
var NoOauthAuthorizeUserSelector = tagged("NoOauthAuthorizeUserSelector", "no_oauth_authorize_user_selector");
var NoPasswordResetRedirectUrl = tagged("NoPasswordResetRedirectUrl", "no_password_reset_redirect_url");
var NoPendingWebauthnRegistration = tagged("NoPendingWebauthnRegistration", "no_pending_webauthn_registration");
var NoSessionArguments = tagged("NoSessionArguments", "no_session_arguments");
var NoSessionRevokeArguments = tagged("NoSessionRevokeArguments", "no_session_revoke_arguments");
var NoSignupRedirectUrl = tagged("NoSignupRedirectUrl", "no_signup_redirect_url");
var NoSignupRedirectUrlsSet = tagged("NoSignupRedirectUrlsSet", "no_signup_redirect_urls_set");
var NoSsoConnectionExistsForOrganization = tagged("NoSsoConnectionExistsForOrganization", "no_sso_connection_exists_for_organization");
var NoUserPassword = tagged("NoUserPassword", "no_user_password");
var NoUserSelectionArguments = tagged("NoUserSelectionArguments", "no_user_selection_arguments");
var NoWildcardsInLiveRedirectUrl = tagged("NoWildcardsInLiveRedirectUrl", "no_wildcards_in_live_redirect_url");
var NotYetValidSamlResponse = tagged("NotYetValidSamlResponse", "not_yet_valid_saml_response");
var OauthAccessTokenExchangeMissingFullAccess = tagged("OauthAccessTokenExchangeMissingFullAccess", "oauth_access_token_exchange_missing_full_access");
var OauthAccessTokenExchangeTokenInvalidGrant = tagged("OauthAccessTokenExchangeTokenInvalidGrant", "oauth_access_token_exchange_token_invalid_grant");
var OauthAccessTokenExchangeTokenTooOld = tagged("OauthAccessTokenExchangeTokenTooOld", "oauth_access_token_exchange_token_too_old");
var OauthAppNotAuthorized = tagged("OauthAppNotAuthorized", "oauth_app_not_authorized");
var OauthAuthCodeError = tagged("OauthAuthCodeError", "oauth_auth_code_error");
var OauthConfigNotFound = tagged("OauthConfigNotFound", "oauth_config_not_found");
var OauthCreatingRedirectUrlError = tagged("OauthCreatingRedirectUrlError", "oauth_creating_redirect_url_error");
var OauthDiscoveryFlowCallbackError = tagged("OauthDiscoveryFlowCallbackError", "oauth_discovery_flow_callback_error");
var OauthFlowCallbackError = tagged("OauthFlowCallbackError", "oauth_flow_callback_error");
var OauthInvalidCallbackRequest = tagged("OauthInvalidCallbackRequest", "oauth_invalid_callback_request");
var OauthInvalidScopeRequested = tagged("OauthInvalidScopeRequested", "oauth_invalid_scope_requested");
var OauthInvalidState = tagged("OauthInvalidState", "oauth_invalid_state");
var OauthNonDiscoveryFlowCallbackError = tagged("OauthNonDiscoveryFlowCallbackError", "oauth_non_discovery_flow_callback_error");
var OauthStateMismatch = tagged("OauthStateMismatch", "oauth_state_mismatch");
var OauthStateUsed = tagged("OauthStateUsed", "oauth_state_used");
var OauthTenantJitProvisioningNotAllowed = tagged("OauthTenantJitProvisioningNotAllowed", "oauth_tenant_jit_provisioning_not_allowed");
var OauthTokenExchangeGoogleMissingInformation = tagged("OauthTokenExchangeGoogleMissingInformation", "oauth_token_exchange_google_missing_information");
var OauthTokenExchangeInvalidClient = tagged("OauthTokenExchangeInvalidClient", "oauth_token_exchange_invalid_client");
var OauthTokenExchangeInvalidRequest = tagged("OauthTokenExchangeInvalidRequest", "oauth_token_exchange_invalid_request");
var OauthTokenExchangeInvalidScope = tagged("OauthTokenExchangeInvalidScope", "oauth_token_exchange_invalid_scope");
var OauthTokenExchangeMicrosoftExpiredSecret = tagged("OauthTokenExchangeMicrosoftExpiredSecret", "oauth_token_exchange_microsoft_expired_secret");
var OauthTokenExchangeMicrosoftInvalidSecret = tagged("OauthTokenExchangeMicrosoftInvalidSecret", "oauth_token_exchange_microsoft_invalid_secret");
var OauthTokenExchangeUnauthorizedClient = tagged("OauthTokenExchangeUnauthorizedClient", "oauth_token_exchange_unauthorized_client");
var OauthTokenNotFound = tagged("OauthTokenNotFound", "oauth_token_not_found");
var OauthUnverifiedEmail = tagged("OauthUnverifiedEmail", "oauth_unverified_email");
var OauthUserRegistrationNotFound = tagged("OauthUserRegistrationNotFound", "oauth_user_registration_not_found");
var OidcAuthCodeError = tagged("OidcAuthCodeError", "oidc_auth_code_error");
var OidcConnectionAuthorizationUrlInvalidFormat = tagged("OidcConnectionAuthorizationUrlInvalidFormat", "oidc_connection_authorization_url_invalid_format");
var OidcConnectionAuthorizationUrlRequired = tagged("OidcConnectionAuthorizationUrlRequired", "oidc_connection_authorization_url_required");
var OidcConnectionClientIdRequired = tagged("OidcConnectionClientIdRequired", "oidc_connection_client_id_required");
var OidcConnectionClientSecretRequired = tagged("OidcConnectionClientSecretRequired", "oidc_connection_client_secret_required");
var OidcConnectionIssuerRequired = tagged("OidcConnectionIssuerRequired", "oidc_connection_issuer_required");
var OidcConnectionIssuerUrlInvalidFormat = tagged("OidcConnectionIssuerUrlInvalidFormat", "oidc_connection_issuer_url_invalid_format");
var OidcConnectionJwksUrlInvalidFormat = tagged("OidcConnectionJwksUrlInvalidFormat", "oidc_connection_jwks_url_invalid_format");
var OidcConnectionJwksUrlRequired = tagged("OidcConnectionJwksUrlRequired", "oidc_connection_jwks_url_required");
var OidcConnectionNotFound = tagged("OidcConnectionNotFound", "oidc_connection_not_found");
var OidcConnectionTokenUrlInvalidFormat = tagged("OidcConnectionTokenUrlInvalidFormat", "oidc_connection_token_url_invalid_format");
var OidcConnectionTokenUrlRequired = tagged("OidcConnectionTokenUrlRequired", "oidc_connection_token_url_required");
var OidcConnectionUserinfoUrlInvalidFormat = tagged("OidcConnectionUserinfoUrlInvalidFormat", "oidc_connection_userinfo_url_invalid_format");
var OidcCsrfCookieMismatch = tagged("OidcCsrfCookieMismatch", "oidc_csrf_cookie_mismatch");
var OidcInvalidCallbackRequest = tagged("OidcInvalidCallbackRequest", "oidc_invalid_callback_request");
var OidcInvalidUserinfo = tagged("OidcInvalidUserinfo", "oidc_invalid_userinfo");
var OidcPromptNoneMustBeExclusive = tagged("OidcPromptNoneMustBeExclusive", "oidc_prompt_none_must_be_exclusive");
var OidcResponseEmailMissing = tagged("OidcResponseEmailMissing", "oidc_response_email_missing");
var OidcResponseNameMissing = tagged("OidcResponseNameMissing", "oidc_response_name_missing");
var OidcResponseSubjectMismatch = tagged("OidcResponseSubjectMismatch", "oidc_response_subject_mismatch");
var OidcResponseSubjectMissing = tagged("OidcResponseSubjectMissing", "oidc_response_subject_missing");
var OidcResponseUnverifiedEmail = tagged("OidcResponseUnverifiedEmail", "oidc_response_unverified_email");
var OidcUserNotAssignedToAppInIdp = tagged("OidcUserNotAssignedToAppInIdp", "oidc_user_not_assigned_to_app_in_idp");
var OperationRestrictedByOrganizationAuthMethods = tagged("OperationRestrictedByOrganizationAuthMethods", "operation_restricted_by_organization_auth_methods");
var OperationRestrictedByOrganizationMfaMethods = tagged("OperationRestrictedByOrganizationMfaMethods", "operation_restricted_by_organization_mfa_methods");
var OrganizationExternalIdAlreadyUsed = tagged("OrganizationExternalIdAlreadyUsed", "organization_external_id_already_used");
var OrganizationLogoUrlTooLong = tagged("OrganizationLogoUrlTooLong", "organization_logo_url_too_long");
var OrganizationNameIncludesBannedWords = tagged("OrganizationNameIncludesBannedWords", "organization_name_includes_banned_words");
var OrganizationNameMissing = tagged("OrganizationNameMissing", "organization_name_missing");
var OrganizationNotFound = tagged("OrganizationNotFound", "organization_not_found");
var OrganizationSearchAllowedDomainFuzzyTooShort = tagged("OrganizationSearchAllowedDomainFuzzyTooShort", "organization_search_allowed_domain_fuzzy_too_short");
var OrganizationSearchExpectedArrayOfStrings = tagged("OrganizationSearchExpectedArrayOfStrings", "organization_search_expected_array_of_strings");
var OrganizationSearchExpectedBoolean = tagged("OrganizationSearchExpectedBoolean", "organization_search_expected_boolean");
var OrganizationSearchExpectedString = tagged("OrganizationSearchExpectedString", "organization_search_expected_string");
var OrganizationSearchFilterNameMustBeString = tagged("OrganizationSearchFilterNameMustBeString", "organization_search_filter_name_must_be_string");
var OrganizationSearchFilterNameNotRecognized = tagged("OrganizationSearchFilterNameNotRecognized", "organization_search_filter_name_not_recognized");
var OrganizationSearchMemberEmailFuzzyTooShort = tagged("OrganizationSearchMemberEmailFuzzyTooShort", "organization_search_member_email_fuzzy_too_short");
var OrganizationSearchMissingAllowedDomainFuzzy = tagged("OrganizationSearchMissingAllowedDomainFuzzy", "organization_search_missing_allowed_domain_fuzzy");
var OrganizationSearchMissingAllowedDomains = tagged("OrganizationSearchMissingAllowedDomains", "organization_search_missing_allowed_domains");
var OrganizationSearchMissingClaimedEmailDomains = tagged("OrganizationSearchMissingClaimedEmailDomains", "organization_search_missing_claimed_email_domains");
var OrganizationSearchMissingFilterName = tagged("OrganizationSearchMissingFilterName", "organization_search_missing_filter_name");
var OrganizationSearchMissingFilterValue = tagged("OrganizationSearchMissingFilterValue", "organization_search_missing_filter_value");
var OrganizationSearchMissingHasActiveSsoConnection = tagged("OrganizationSearchMissingHasActiveSsoConnection", "organization_search_missing_has_active_sso_connection");
var OrganizationSearchMissingMemberEmailFuzzy = tagged("OrganizationSearchMissingMemberEmailFuzzy", "organization_search_missing_member_email_fuzzy");
var OrganizationSearchMissingMemberEmails = tagged("OrganizationSearchMissingMemberEmails", "organization_search_missing_member_emails");
var OrganizationSearchMissingOrganizationIds = tagged("OrganizationSearchMissingOrganizationIds", "organization_search_missing_organization_ids");
var OrganizationSearchMissingOrganizationNameFuzzy = tagged("OrganizationSearchMissingOrganizationNameFuzzy", "organization_search_missing_organization_name_fuzzy");
var OrganizationSearchMissingOrganizationSlugFuzzy = tagged("OrganizationSearchMissingOrganizationSlugFuzzy", "organization_search_missing_organization_slug_fuzzy");
var OrganizationSearchMissingOrganizationSlugs = tagged("OrganizationSearchMissingOrganizationSlugs", "organization_search_missing_organization_slugs");
var OrganizationSearchMissingSsoConnectionId = tagged("OrganizationSearchMissingSsoConnectionId", "organization_search_missing_sso_connection_id");
var OrganizationSearchOrganizationNameFuzzyTooShort = tagged("OrganizationSearchOrganizationNameFuzzyTooShort", "organization_search_organization_name_fuzzy_too_short");
var OrganizationSearchOrganizationSlugFuzzyTooShort = tagged("OrganizationSearchOrganizationSlugFuzzyTooShort", "organization_search_organization_slug_fuzzy_too_short");
var OrganizationSettingsClaimedDomainTooCommon = tagged("OrganizationSettingsClaimedDomainTooCommon", "organization_settings_claimed_domain_too_common");
var OrganizationSettingsDisposableDomain = tagged("OrganizationSettingsDisposableDomain", "organization_settings_disposable_domain");
var OrganizationSettingsDomainTooCommon = tagged("OrganizationSettingsDomainTooCommon", "organization_settings_domain_too_common");
var OrganizationSettingsDuplicateClaimedDomain = tagged("OrganizationSettingsDuplicateClaimedDomain", "organization_settings_duplicate_claimed_domain");
var OrganizationSettingsDuplicateDomain = tagged("OrganizationSettingsDuplicateDomain", "organization_settings_duplicate_domain");
var OrganizationSettingsInvalidClaimedDomain = tagged("OrganizationSettingsInvalidClaimedDomain", "organization_settings_invalid_claimed_domain");
var OrganizationSettingsInvalidDomain = tagged("OrganizationSettingsInvalidDomain", "organization_settings_invalid_domain");
var OrganizationSlugAlreadyUsed = tagged("OrganizationSlugAlreadyUsed", "organization_slug_already_used");
var OrganizationSuspended = tagged("OrganizationSuspended", "organization_suspended");
var OrganizationUserNotFound = tagged("OrganizationUserNotFound", "organization_user_not_found");
var OtpCodeNotFound = tagged("OtpCodeNotFound", "otp_code_not_found");
var PasswordAlreadyExists = tagged("PasswordAlreadyExists", "password_already_exists");
var PasswordDoesNotMatch = tagged("PasswordDoesNotMatch", "password_does_not_match");
var PasswordNotFound = tagged("PasswordNotFound", "password_not_found");
var PasswordValidationTimeout = tagged("PasswordValidationTimeout", "password_validation_timeout");
var PasswordsIncompatibleWithSdkConfig = tagged("PasswordsIncompatibleWithSdkConfig", "passwords_incompatible_with_sdk_config");
var Pbkdf2KeyLengthMismatch = tagged("Pbkdf2KeyLengthMismatch", "pbkdf_2_key_length_mismatch");
var PendingTotpExists = tagged("PendingTotpExists", "pending_totp_exists");
var PhoneNumberNotFound = tagged("PhoneNumberNotFound", "phone_number_not_found");
var PkceDidNotExpectCodeVerifier = tagged("PkceDidNotExpectCodeVerifier", "pkce_did_not_expect_code_verifier");
var PkceExpectedCodeVerifier = tagged("PkceExpectedCodeVerifier", "pkce_expected_code_verifier");
var PkceMismatch = tagged("PkceMismatch", "pkce_mismatch");
var PkceRequiredForIdpAuthorizationFlow = tagged("PkceRequiredForIdpAuthorizationFlow", "pkce_required_for_idp_authorization_flow");
var PkceRequiredForNativeCallback = tagged("PkceRequiredForNativeCallback", "pkce_required_for_native_callback");
var PrivateKeyTooLong = tagged("PrivateKeyTooLong", "private_key_too_long");
var ProjectHasNoPublicTokens = tagged("ProjectHasNoPublicTokens", "project_has_no_public_tokens");
var ProjectNotFound = tagged("ProjectNotFound", "project_not_found");
var ProjectUserNotFound = tagged("ProjectUserNotFound", "project_user_not_found");
var PublicConnectedAppsDoNotHaveSecrets = tagged("PublicConnectedAppsDoNotHaveSecrets", "public_connected_apps_do_not_have_secrets");
var PublicKeyMissing = tagged("PublicKeyMissing", "public_key_missing");
var PublicTokenNotFound = tagged("PublicTokenNotFound", "public_token_not_found");
var PublicTokenRequired = tagged("PublicTokenRequired", "public_token_required");
var QueryParamsDoNotMatch = tagged("QueryParamsDoNotMatch", "query_params_do_not_match");
var RbacActionDuplicate = tagged("RbacActionDuplicate", "rbac_action_duplicate");
var RbacActionTooLong = tagged("RbacActionTooLong", "rbac_action_too_long");
var RbacCannotDeleteAttributeUsedInOrgPolicy = tagged("RbacCannotDeleteAttributeUsedInOrgPolicy", "rbac_cannot_delete_attribute_used_in_org_policy");
var RbacDescriptionTooLong = tagged("RbacDescriptionTooLong", "rbac_description_too_long");
var RbacDomainTooCommon = tagged("RbacDomainTooCommon", "rbac_domain_too_common");
var RbacInvalidDomain = tagged("RbacInvalidDomain", "rbac_invalid_domain");
var RbacOrgCustomRolesOnly = tagged("RbacOrgCustomRolesOnly", "rbac_org_custom_roles_only");
var RbacPermissionMissingActions = tagged("RbacPermissionMissingActions", "rbac_permission_missing_actions");
var RbacReservedScope = tagged("RbacReservedScope", "rbac_reserved_scope");
var RbacResourceDuplicate = tagged("RbacResourceDuplicate", "rbac_resource_duplicate");
var RbacResourceIdTooLong = tagged("RbacResourceIdTooLong", "rbac_resource_id_too_long");
var RbacResourceMissingActions = tagged("RbacResourceMissingActions", "rbac_resource_missing_actions");
var RbacRoleDuplicate = tagged("RbacRoleDuplicate", "rbac_role_duplicate");
var RbacRoleIdTooLong = tagged("RbacRoleIdTooLong", "rbac_role_id_too_long");
var RbacRoleMissingPermissions = tagged("RbacRoleMissingPermissions", "rbac_role_missing_permissions");
var RbacScopeDuplicate = tagged("RbacScopeDuplicate", "rbac_scope_duplicate");
var RbacScopeMissingPermissions = tagged("RbacScopeMissingPermissions", "rbac_scope_missing_permissions");
var RbacScopeTooLong = tagged("RbacScopeTooLong", "rbac_scope_too_long");
var ReactivationEmailBelongsToAnotherMember = tagged("ReactivationEmailBelongsToAnotherMember", "reactivation_email_belongs_to_another_member");
var RecoveryCodeUsedAsTotpCode = tagged("RecoveryCodeUsedAsTotpCode", "recovery_code_used_as_totp_code");
var RecoveryCodesAlreadyExist = tagged("RecoveryCodesAlreadyExist", "recovery_codes_already_exist");
var RecoveryCodesNotFound = tagged("RecoveryCodesNotFound", "recovery_codes_not_found");
var RedirectUrlCannotUseProtocol = tagged("RedirectUrlCannotUseProtocol", "redirect_url_cannot_use_protocol");
var RedirectUrlMustUseHttps = tagged("RedirectUrlMustUseHttps", "redirect_url_must_use_https");
var RedirectUrlNotFound = tagged("RedirectUrlNotFound", "redirect_url_not_found");
var RedirectUrlWithQueryParamPlaceholderCannotBeDefault = tagged("RedirectUrlWithQueryParamPlaceholderCannotBeDefault", "redirect_url_with_query_param_placeholder_cannot_be_default");
var RedirectUrlWithWildcardCannotBeDefault = tagged("RedirectUrlWithWildcardCannotBeDefault", "redirect_url_with_wildcard_cannot_be_default");
var RequiredCustomEmailDomain = tagged("RequiredCustomEmailDomain", "required_custom_email_domain");
var RequiresActiveSsoConnection = tagged("RequiresActiveSsoConnection", "requires_active_sso_connection");
var ReservedClaimsInCustomClaims = tagged("ReservedClaimsInCustomClaims", "reserved_claims_in_custom_claims");
var ResetPassword = tagged("ResetPassword", "reset_password");
var RetiredEmailMissingEmailIdentifiers = tagged("RetiredEmailMissingEmailIdentifiers", "retired_email_missing_email_identifiers");
var RetiredMemberEmail = tagged("RetiredMemberEmail", "retired_member_email");
var RouteNotFound = tagged("RouteNotFound", "route_not_found");
var RouteNotSupportedInTest = tagged("RouteNotSupportedInTest", "route_not_supported_in_test");
var SamlCertificateMismatch = tagged("SamlCertificateMismatch", "saml_certificate_mismatch");
var SamlConnectionAttributeMappingMissingGroupsKey = tagged("SamlConnectionAttributeMappingMissingGroupsKey", "saml_connection_attribute_mapping_missing_groups_key");
var SamlConnectionAttributeMappingRequired = tagged("SamlConnectionAttributeMappingRequired", "saml_connection_attribute_mapping_required");
var SamlConnectionEmailMappingRequired = tagged("SamlConnectionEmailMappingRequired", "saml_connection_email_mapping_required");
var SamlConnectionIdpSsoUrlInvalidFormat = tagged("SamlConnectionIdpSsoUrlInvalidFormat", "saml_connection_idp_sso_url_invalid_format");
var SamlConnectionIdpSsoUrlNotHttps = tagged("SamlConnectionIdpSsoUrlNotHttps", "saml_connection_idp_sso_url_not_https");
var SamlConnectionIdpSsoUrlRequired = tagged("SamlConnectionIdpSsoUrlRequired", "saml_connection_idp_sso_url_required");
var SamlConnectionMetadataInvalidFormat = tagged("SamlConnectionMetadataInvalidFormat", "saml_connection_metadata_invalid_format");
var SamlConnectionNameMappingRequired = tagged("SamlConnectionNameMappingRequired", "saml_connection_name_mapping_required");
var SamlConnectionNoNestedKeysInAttributeMapping = tagged("SamlConnectionNoNestedKeysInAttributeMapping", "saml_connection_no_nested_keys_in_attribute_mapping");
var SamlConnectionNotFound = tagged("SamlConnectionNotFound", "saml_connection_not_found");
var SamlCsrfCookieMismatch = tagged("SamlCsrfCookieMismatch", "saml_csrf_cookie_mismatch");
var SamlGroupRoleAssignmentDoesNotContainMemberGroup = tagged("SamlGroupRoleAssignmentDoesNotContainMemberGroup", "saml_group_role_assignment_does_not_contain_member_group");
var SamlIdpInitiatedAuthDisabled = tagged("SamlIdpInitiatedAuthDisabled", "saml_idp_initiated_auth_disabled");
var SamlSigningPrivateKeyFormatNotSupported = tagged("SamlSigningPrivateKeyFormatNotSupported", "saml_signing_private_key_format_not_supported");
var SamlSigningPrivateKeyInvalid = tagged("SamlSigningPrivateKeyInvalid", "saml_signing_private_key_invalid");
var ScimConnectionNotRotatingToken = tagged("ScimConnectionNotRotatingToken", "scim_connection_not_rotating_token");
var ScimGroupRoleAssignmentDoesNotContainGroupId = tagged("ScimGroupRoleAssignmentDoesNotContainGroupId", "scim_group_role_assignment_does_not_contain_group_id");
var ScimGroupRoleAssignmentGroupDoesNotExist = tagged("ScimGroupRoleAssignmentGroupDoesNotExist", "scim_group_role_assignment_group_does_not_exist");
var ScryptKeyLengthMismatch = tagged("ScryptKeyLengthMismatch", "scrypt_key_length_mismatch");
var SearchInvalidStatusFilter = tagged("SearchInvalidStatusFilter", "search_invalid_status_filter");
var SearchTimeout = tagged("SearchTimeout", "search_timeout");
var SecondaryFactorNotFound = tagged("SecondaryFactorNotFound", "secondary_factor_not_found");
var SecretNotFound = tagged("SecretNotFound", "secret_not_found");
var ServerUnavailable = tagged("ServerUnavailable", "server_unavailable");
var ServiceUnavailable = tagged("ServiceUnavailable", "service_unavailable");
var SessionAuthorizationError = tagged("SessionAuthorizationError", "session_authorization_error");
var SessionAuthorizationTenancyError = tagged("SessionAuthorizationTenancyError", "session_authorization_tenancy_error");
var SessionEnforcedFactorMatchingSessionRequired = tagged("SessionEnforcedFactorMatchingSessionRequired", "session_enforced_factor_matching_session_required");
var SessionMustHaveAtLeastOneActiveFactor = tagged("SessionMustHaveAtLeastOneActiveFactor", "session_must_have_at_least_one_active_factor");
var SessionNotFound = tagged("SessionNotFound", "session_not_found");
var SessionNotMutable = tagged("SessionNotMutable", "session_not_mutable");
var SessionOnCodeDoesNotMatchSessionPassedIn = tagged("SessionOnCodeDoesNotMatchSessionPassedIn", "session_on_code_does_not_match_session_passed_in");
var SessionTooOldToResetPassword = tagged("SessionTooOldToResetPassword", "session_too_old_to_reset_password");
var SignatureIsIncorrectSize = tagged("SignatureIsIncorrectSize", "signature_is_incorrect_size");
var SignatureMissing = tagged("SignatureMissing", "signature_missing");
var SiweMessageExpired = tagged("SiweMessageExpired", "siwe_message_expired");
var SiweMessageNotValidYet = tagged("SiweMessageNotValidYet", "siwe_message_not_valid_yet");
var SmsTemplateNotFound = tagged("SmsTemplateNotFound", "sms_template_not_found");
var SsoConnectionCustomDomainMismatch = tagged("SsoConnectionCustomDomainMismatch", "sso_connection_custom_domain_mismatch");
var SsoConnectionNotFound = tagged("SsoConnectionNotFound", "sso_connection_not_found");
var SsoConnectionOrganizationMismatch = tagged("SsoConnectionOrganizationMismatch", "sso_connection_organization_mismatch");
var SsoDiscoveryIncompatibleWithSdkConfig = tagged("SsoDiscoveryIncompatibleWithSdkConfig", "sso_discovery_incompatible_with_sdk_config");
var SsoEncryptionPrivateKeyNotFound = tagged("SsoEncryptionPrivateKeyNotFound", "sso_encryption_private_key_not_found");
var SsoMultipleConnectionsFound = tagged("SsoMultipleConnectionsFound", "sso_multiple_connections_found");
var SsoTokenNotFound = tagged("SsoTokenNotFound", "sso_token_not_found");
var SsoVerificationKeyNotFound = tagged("SsoVerificationKeyNotFound", "sso_verification_key_not_found");
var StaleFactors = tagged("StaleFactors", "stale_factors");
var StytchClaimsInCustomClaims = tagged("StytchClaimsInCustomClaims", "stytch_claims_in_custom_claims");
var TelemetryIdNotFound = tagged("TelemetryIdNotFound", "telemetry_id_not_found");
var TestIdUsedInLiveEnvironment = tagged("TestIdUsedInLiveEnvironment", "test_id_used_in_live_environment");
var ThirdPartyClientsCannotUseFullAccess = tagged("ThirdPartyClientsCannotUseFullAccess", "third_party_clients_cannot_use_full_access");
var ThirdPartyClientsRequireConsentForOfflineAccess = tagged("ThirdPartyClientsRequireConsentForOfflineAccess", "third_party_clients_require_consent_for_offline_access");
var TokenMissingOrganizationIdClaim = tagged("TokenMissingOrganizationIdClaim", "token_missing_organization_id_claim");
var TooFewTokensAuthenticated = tagged("TooFewTokensAuthenticated", "too_few_tokens_authenticated");
var TooManyBiometricRegistrationsForUser = tagged("TooManyBiometricRegistrationsForUser", "too_many_biometric_registrations_for_user");
var TooManyConnectedApps = tagged("TooManyConnectedApps", "too_many_connected_apps");
var TooManyDomains = tagged("TooManyDomains", "too_many_domains");
var TooManyEmailTemplates = tagged("TooManyEmailTemplates", "too_many_email_templates");
var TooManyEncryptionCertificates = tagged("TooManyEncryptionCertificates", "too_many_encryption_certificates");
var TooManyM2mClientScopes = tagged("TooManyM2mClientScopes", "too_many_m2m_client_scopes");
var TooManyM2mClientsForBillingTier = tagged("TooManyM2mClientsForBillingTier", "too_many_m2m_clients_for_billing_tier");
var TooManyOauthOrganizationLocators = tagged("TooManyOauthOrganizationLocators", "too_many_oauth_organization_locators");
var TooManyPemFilesForTrustedTokenProfile = tagged("TooManyPemFilesForTrustedTokenProfile", "too_many_pem_files_for_trusted_token_profile");
var TooManyProjects = tagged("TooManyProjects", "too_many_projects");
var TooManyPublicTokens = tagged("TooManyPublicTokens", "too_many_public_tokens");
var TooManyRedirectUrls = tagged("TooManyRedirectUrls", "too_many_redirect_urls");
var TooManyRequests = tagged("TooManyRequests", "too_many_requests");
var TooManyRoles = tagged("TooManyRoles", "too_many_roles");
var TooManySecrets = tagged("TooManySecrets", "too_many_secrets");
var TooManySessionArguments = tagged("TooManySessionArguments", "too_many_session_arguments");
var TooManySessionRevokeArguments = tagged("TooManySessionRevokeArguments", "too_many_session_revoke_arguments");
var TooManySmsTemplates = tagged("TooManySmsTemplates", "too_many_sms_templates");
var TooManySsoConnectionLocators = tagged("TooManySsoConnectionLocators", "too_many_sso_connection_locators");
var TooManySsoConnections = tagged("TooManySsoConnections", "too_many_sso_connections");
var TooManySsoConnectionsForBillingTier = tagged("TooManySsoConnectionsForBillingTier", "too_many_sso_connections_for_billing_tier");
var TooManySsoVerificationCertificates = tagged("TooManySsoVerificationCertificates", "too_many_sso_verification_certificates");
var TooManyTrustedTokenProfilesForProject = tagged("TooManyTrustedTokenProfilesForProject", "too_many_trusted_token_profiles_for_project");
var TooManyUnverifiedFactors = tagged("TooManyUnverifiedFactors", "too_many_unverified_factors");
var TooManyUserRegistrationsForDomain = tagged("TooManyUserRegistrationsForDomain", "too_many_user_registrations_for_domain");
var TooManyUserSelectionArguments = tagged("TooManyUserSelectionArguments", "too_many_user_selection_arguments");
var TotpCodeAlreadyAuthenticated = tagged("TotpCodeAlreadyAuthenticated", "totp_code_already_authenticated");
var TotpCodeUsedAsRecoveryCode = tagged("TotpCodeUsedAsRecoveryCode", "totp_code_used_as_recovery_code");
var TotpNotFound = tagged("TotpNotFound", "totp_not_found");
var TotpsNotFoundForUser = tagged("TotpsNotFoundForUser", "totps_not_found_for_user");
var TrustedTokenProfileCannotHaveMultipleExternalIds = tagged("TrustedTokenProfileCannotHaveMultipleExternalIds", "trusted_token_profile_cannot_have_multiple_external_ids");
var TrustedTokenProfileIncorrectExternalIdMapping = tagged("TrustedTokenProfileIncorrectExternalIdMapping", "trusted_token_profile_incorrect_external_id_mapping");
var TrustedTokenProfileInvalidRequest = tagged("TrustedTokenProfileInvalidRequest", "trusted_token_profile_invalid_request");
var TrustedTokenProfileNotFound = tagged("TrustedTokenProfileNotFound", "trusted_token_profile_not_found");
var Twitter401 = tagged("Twitter401", "twitter_401");
var Twitter403 = tagged("Twitter403", "twitter_403");
var UnableToAuthBiometricRegistration = tagged("UnableToAuthBiometricRegistration", "unable_to_auth_biometric_registration");
var UnableToAuthImpersonationToken = tagged("UnableToAuthImpersonationToken", "unable_to_auth_impersonation_token");
var UnableToAuthMagicLink = tagged("UnableToAuthMagicLink", "unable_to_auth_magic_link");
var UnableToAuthOtpCode = tagged("UnableToAuthOtpCode", "unable_to_auth_otp_code");
var UnableToAuthPasswordResetToken = tagged("UnableToAuthPasswordResetToken", "unable_to_auth_password_reset_token");
var UnableToAuthWebauthnRegistration = tagged("UnableToAuthWebauthnRegistration", "unable_to_auth_webauthn_registration");
var UnableToAuthenticateCryptoWallet = tagged("UnableToAuthenticateCryptoWallet", "unable_to_authenticate_crypto_wallet");
var UnableToAuthenticateRecoveryCode = tagged("UnableToAuthenticateRecoveryCode", "unable_to_authenticate_recovery_code");
var UnableToAuthenticateTotp = tagged("UnableToAuthenticateTotp", "unable_to_authenticate_totp");
var UnableToAuthorizeOauthProvider = tagged("UnableToAuthorizeOauthProvider", "unable_to_authorize_oauth_provider");
var UnableToDeleteEmailSuppression = tagged("UnableToDeleteEmailSuppression", "unable_to_delete_email_suppression");
var UnableToDeleteLastPublicToken = tagged("UnableToDeleteLastPublicToken", "unable_to_delete_last_public_token");
var UnableToParseSessionJwt = tagged("UnableToParseSessionJwt", "unable_to_parse_session_jwt");
var UnableToRefreshOauthToken = tagged("UnableToRefreshOauthToken", "unable_to_refresh_oauth_token");
var UnableToRefreshOidcToken = tagged("UnableToRefreshOidcToken", "unable_to_refresh_oidc_token");
var UnableToRegisterBiometricRegistration = tagged("UnableToRegisterBiometricRegistration", "unable_to_register_biometric_registration");
var UnableToRegisterWebauthnRegistration = tagged("UnableToRegisterWebauthnRegistration", "unable_to_register_webauthn_registration");
var UnableToRepresentCustomClaimsJson = tagged("UnableToRepresentCustomClaimsJson", "unable_to_represent_custom_claims_json");
var UnableToVerifyMemberEmailUpdate = tagged("UnableToVerifyMemberEmailUpdate", "unable_to_verify_member_email_update");
var UnauthorizedAction = tagged("UnauthorizedAction", "unauthorized_action");
var UnauthorizedBillingPermissions = tagged("UnauthorizedBillingPermissions", "unauthorized_billing_permissions");
var UnauthorizedCredentials = tagged("UnauthorizedCredentials", "unauthorized_credentials");
var UnauthorizedCredentialsError = tagged("UnauthorizedCredentialsError", "unauthorized_credentials_error");
var UnauthorizedCredentialsHomepage = tagged("UnauthorizedCredentialsHomepage", "unauthorized_credentials_homepage");
var UnauthorizedProjectIdLive = tagged("UnauthorizedProjectIdLive", "unauthorized_project_id_live");
var UnauthorizedProjectIdTest = tagged("UnauthorizedProjectIdTest", "unauthorized_project_id_test");
var UnavailableEndpoint = tagged("UnavailableEndpoint", "unavailable_endpoint");
var UnknownError = tagged("UnknownError", "unknown_error");
var UnsolicitedOidcResponse = tagged("UnsolicitedOidcResponse", "unsolicited_oidc_response");
var UnsolicitedSamlResponse = tagged("UnsolicitedSamlResponse", "unsolicited_saml_response");
var UnsubscribedPhoneNumber = tagged("UnsubscribedPhoneNumber", "unsubscribed_phone_number");
var UpdateUserAuthMethodNotAllowed = tagged("UpdateUserAuthMethodNotAllowed", "update_user_auth_method_not_allowed");
var UseHttps = tagged("UseHttps", "use_https");
var UserAlreadyInvited = tagged("UserAlreadyInvited", "user_already_invited");
var UserIdMismatch = tagged("UserIdMismatch", "user_id_mismatch");
var UserImpersonationNotAllowed = tagged("UserImpersonationNotAllowed", "user_impersonation_not_allowed");
var UserLockLimitReached = tagged("UserLockLimitReached", "user_lock_limit_reached");
var UserNotFound = tagged("UserNotFound", "user_not_found");
var UserSearchCannotMixInternalAndExternalUserIds = tagged("UserSearchCannotMixInternalAndExternalUserIds", "user_search_cannot_mix_internal_and_external_user_ids");
var UserSearchEmailAddressFuzzyTooShort = tagged("UserSearchEmailAddressFuzzyTooShort", "user_search_email_address_fuzzy_too_short");
var UserSearchExpectedArrayOfString = tagged("UserSearchExpectedArrayOfString", "user_search_expected_array_of_string");
var UserSearchExpectedBool = tagged("UserSearchExpectedBool", "user_search_expected_bool");
var UserSearchExpectedObject = tagged("UserSearchExpectedObject", "user_search_expected_object");
var UserSearchExpectedString = tagged("UserSearchExpectedString", "user_search_expected_string");
var UserSearchExpectedTimestamp = tagged("UserSearchExpectedTimestamp", "user_search_expected_timestamp");
var UserSearchFilterNameMustBeString = tagged("UserSearchFilterNameMustBeString", "user_search_filter_name_must_be_string");
var UserSearchFilterNameNotRecognized = tagged("UserSearchFilterNameNotRecognized", "user_search_filter_name_not_recognized");
var UserSearchFullNameFuzzyTooShort = tagged("UserSearchFullNameFuzzyTooShort", "user_search_full_name_fuzzy_too_short");
var UserSearchInvalidCursor = tagged("UserSearchInvalidCursor", "user_search_invalid_cursor");
var UserSearchInvalidLimit = tagged("UserSearchInvalidLimit", "user_search_invalid_limit");
var UserSearchInvalidOauthProviderFilter = tagged("UserSearchInvalidOauthProviderFilter", "user_search_invalid_oauth_provider_filter");
var UserSearchInvalidOperator = tagged("UserSearchInvalidOperator", "user_search_invalid_operator");
var UserSearchInvalidStatusFilter = tagged("UserSearchInvalidStatusFilter", "user_search_invalid_status_filter");
var UserSearchMaximumFilterValueCountExceeded = tagged("UserSearchMaximumFilterValueCountExceeded", "user_search_maximum_filter_value_count_exceeded");
var UserSearchMissingBiometricRegistrationIds = tagged("UserSearchMissingBiometricRegistrationIds", "user_search_missing_biometric_registration_ids");
var UserSearchMissingBiometricVerified = tagged("UserSearchMissingBiometricVerified", "user_search_missing_biometric_verified");
var UserSearchMissingCreatedAtGreaterThan = tagged("UserSearchMissingCreatedAtGreaterThan", "user_search_missing_created_at_greater_than");
var UserSearchMissingCreatedAtLessThan = tagged("UserSearchMissingCreatedAtLessThan", "user_search_missing_created_at_less_than");
var UserSearchMissingCryptoWalletAddress = tagged("UserSearchMissingCryptoWalletAddress", "user_search_missing_crypto_wallet_address");
var UserSearchMissingCryptoWalletId = tagged("UserSearchMissingCryptoWalletId", "user_search_missing_crypto_wallet_id");
var UserSearchMissingCryptoWalletVerified = tagged("UserSearchMissingCryptoWalletVerified", "user_search_missing_crypto_wallet_verified");
var UserSearchMissingEmailAddressFuzzy = tagged("UserSearchMissingEmailAddressFuzzy", "user_search_missing_email_address_fuzzy");
var UserSearchMissingEmailAddresses = tagged("UserSearchMissingEmailAddresses", "user_search_missing_email_addresses");
var UserSearchMissingEmailDomain = tagged("UserSearchMissingEmailDomain", "user_search_missing_email_domain");
var UserSearchMissingEmailIds = tagged("UserSearchMissingEmailIds", "user_search_missing_email_ids");
var UserSearchMissingEmailVerified = tagged("UserSearchMissingEmailVerified", "user_search_missing_email_verified");
var UserSearchMissingFilterName = tagged("UserSearchMissingFilterName", "user_search_missing_filter_name");
var UserSearchMissingFilterValue = tagged("UserSearchMissingFilterValue", "user_search_missing_filter_value");
var UserSearchMissingFullNameFuzzy = tagged("UserSearchMissingFullNameFuzzy", "user_search_missing_full_name_fuzzy");
var UserSearchMissingGreaterThan = tagged("UserSearchMissingGreaterThan", "user_search_missing_greater_than");
var UserSearchMissingLessThan = tagged("UserSearchMissingLessThan", "user_search_missing_less_than");
var UserSearchMissingOauthProviders = tagged("UserSearchMissingOauthProviders", "user_search_missing_oauth_providers");
var UserSearchMissingPassword = tagged("UserSearchMissingPassword", "user_search_missing_password");
var UserSearchMissingPhoneIds = tagged("UserSearchMissingPhoneIds", "user_search_missing_phone_ids");
var UserSearchMissingPhoneNumberFuzzy = tagged("UserSearchMissingPhoneNumberFuzzy", "user_search_missing_phone_number_fuzzy");
var UserSearchMissingPhoneNumbers = tagged("UserSearchMissingPhoneNumbers", "user_search_missing_phone_numbers");
var UserSearchMissingPhoneVerified = tagged("UserSearchMissingPhoneVerified", "user_search_missing_phone_verified");
var UserSearchMissingStatus = tagged("UserSearchMissingStatus", "user_search_missing_status");
var UserSearchMissingTotpIds = tagged("UserSearchMissingTotpIds", "user_search_missing_totp_ids");
var UserSearchMissingTotpVerified = tagged("UserSearchMissingTotpVerified", "user_search_missing_totp_verified");
var UserSearchMissingUserIds = tagged("UserSearchMissingUserIds", "user_search_missing_user_ids");
var UserSearchMissingWebauthnRegistrationIds = tagged("UserSearchMissingWebauthnRegistrationIds", "user_search_missing_webauthn_registration_ids");
var UserSearchMissingWebauthnVerified = tagged("UserSearchMissingWebauthnVerified", "user_search_missing_webauthn_verified");
var UserSearchPhoneNumberFuzzyTooShort = tagged("UserSearchPhoneNumberFuzzyTooShort", "user_search_phone_number_fuzzy_too_short");
var UserUnauthenticated = tagged("UserUnauthenticated", "user_unauthenticated");
var WeakFactorCombination = tagged("WeakFactorCombination", "weak_factor_combination");
var WeakPassword = tagged("WeakPassword", "weak_password");
var WebauthnRegistrationNotFound = tagged("WebauthnRegistrationNotFound", "webauthn_registration_not_found");
var WrongStackLive = tagged("WrongStackLive", "wrong_stack_live");
var WrongStackTest = tagged("WrongStackTest", "wrong_stack_test");
var XmlValidationSamlUnknownError = tagged("XmlValidationSamlUnknownError", "xml_validation_saml_unknown_error");
var byErrorType = {
  action_available_only_for_active_members: ActionAvailableOnlyForActiveMembers,
  action_available_only_once_primary_authentication_is_met: ActionAvailableOnlyOncePrimaryAuthenticationIsMet,
  action_not_allowed_email_domain_is_claimed: ActionNotAllowedEmailDomainIsClaimed,
  active_scim_connection_exists: ActiveScimConnectionExists,
  active_totp_exists: ActiveTotpExists,
  ad_blocker_detected: AdBlockerDetected,
  allow_list_max_exceeded: AllowListMaxExceeded,
  allowed_auth_methods_required_for_restricted: AllowedAuthMethodsRequiredForRestricted,
  allowed_mfa_methods_required_for_restricted: AllowedMfaMethodsRequiredForRestricted,
  apple_oauth_config_not_found: AppleOauthConfigNotFound,
  argon_2_key_length_mismatch: Argon2KeyLengthMismatch,
  attribute_mismatch: AttributeMismatch,
  authorization_endpoint_not_configured_for_project: AuthorizationEndpointNotConfiguredForProject,
  bad_app_bundle_for_stytch_sdk: BadAppBundleForStytchSdk,
  bad_domain_for_stytch_sdk: BadDomainForStytchSdk,
  bad_request: BadRequest,
  bad_vertical_for_stytch_sdk: BadVerticalForStytchSdk,
  billing_info_not_found: BillingInfoNotFound,
  billing_not_verified: BillingNotVerified,
  billing_not_verified_for_email: BillingNotVerifiedForEmail,
  biometric_registration_not_found: BiometricRegistrationNotFound,
  breached_password: BreachedPassword,
  bulk_migrate_invalid_user_count: BulkMigrateInvalidUserCount,
  cannot_add_pem_file_to_non_pem_trusted_token_profile: CannotAddPemFileToNonPemTrustedTokenProfile,
  cannot_assign_default_rbac_role_id: CannotAssignDefaultRbacRoleId,
  cannot_delete_default_email_template: CannotDeleteDefaultEmailTemplate,
  cannot_delete_default_sso_connection: CannotDeleteDefaultSsoConnection,
  cannot_delete_email: CannotDeleteEmail,
  cannot_delete_last_primary_factor: CannotDeleteLastPrimaryFactor,
  cannot_delete_last_sso_verification_key: CannotDeleteLastSsoVerificationKey,
  cannot_preserve_existing_sessions: CannotPreserveExistingSessions,
  cannot_remove_primary_auth_mechanism: CannotRemovePrimaryAuthMechanism,
  cannot_reset_password_with_existing_password: CannotResetPasswordWithExistingPassword,
  cannot_specify_wildcard_with_other_actions: CannotSpecifyWildcardWithOtherActions,
  cannot_toggle_cross_org_passwords_when_password_in_use: CannotToggleCrossOrgPasswordsWhenPasswordInUse,
  cannot_update_trusted_metadata: CannotUpdateTrustedMetadata,
  cannot_use_biometrics_with_pending_user: CannotUseBiometricsWithPendingUser,
  cannot_use_webauthn_with_pending_user: CannotUseWebauthnWithPendingUser,
  captcha_failed: CaptchaFailed,
  captcha_provider_not_found: CaptchaProviderNotFound,
  captcha_required: CaptchaRequired,
  cidr_block_invalid_prefix: CidrBlockInvalidPrefix,
  claimed_email_domains_not_supported: ClaimedEmailDomainsNotSupported,
  client_closed_request: ClientClosedRequest,
  client_secret_too_long: ClientSecretTooLong,
  cname_invalid_for_http_only_cookies: CnameInvalidForHttpOnlyCookies,
  cname_record_not_found: CnameRecordNotFound,
  cname_required_for_http_only_cookies: CnameRequiredForHttpOnlyCookies,
  cname_required_to_enable_http_only_cookies: CnameRequiredToEnableHttpOnlyCookies,
  connected_app_already_rotating_secret: ConnectedAppAlreadyRotatingSecret,
  connected_app_consent_revoked: ConnectedAppConsentRevoked,
  connected_app_invalid_redirect_url: ConnectedAppInvalidRedirectUrl,
  connected_app_misconfigured_client: ConnectedAppMisconfiguredClient,
  connected_app_not_allowed_for_org: ConnectedAppNotAllowedForOrg,
  connected_app_not_found: ConnectedAppNotFound,
  connected_app_not_rotating_secret: ConnectedAppNotRotatingSecret,
  connected_app_redirect_url_cannot_use_localhost: ConnectedAppRedirectUrlCannotUseLocalhost,
  connected_app_redirect_url_http_scheme_must_use_loopback: ConnectedAppRedirectUrlHttpSchemeMustUseLoopback,
  connected_app_redirect_url_must_include_scheme: ConnectedAppRedirectUrlMustIncludeScheme,
  connected_app_redirect_url_must_use_http_or_https_scheme: ConnectedAppRedirectUrlMustUseHttpOrHttpsScheme,
  connected_app_redirect_url_must_use_https_scheme: ConnectedAppRedirectUrlMustUseHttpsScheme,
  connected_app_supplied_redirect_url_not_found_in_client: ConnectedAppSuppliedRedirectUrlNotFoundInClient,
  consumer_session_authorization_error: ConsumerSessionAuthorizationError,
  context_canceled_error: ContextCanceledError,
  could_not_parse_biometric_signature: CouldNotParseBiometricSignature,
  country_code_allowlist_b2b_whatsapp_not_supported: CountryCodeAllowlistB2bWhatsappNotSupported,
  country_code_allowlist_billing_not_verified: CountryCodeAllowlistBillingNotVerified,
  country_code_allowlist_empty: CountryCodeAllowlistEmpty,
  country_code_allowlist_invalid_country_codes: CountryCodeAllowlistInvalidCountryCodes,
  cross_org_passwords_enabled: CrossOrgPasswordsEnabled,
  cross_org_passwords_not_enabled: CrossOrgPasswordsNotEnabled,
  crypto_wallet_not_found: CryptoWalletNotFound,
  crypto_wallet_type_incompatible_with_siwe: CryptoWalletTypeIncompatibleWithSiwe,
  custom_claims_too_large: CustomClaimsTooLarge,
  default_mfa_member_missing_factor: DefaultMfaMemberMissingFactor,
  default_provider_not_allowed: DefaultProviderNotAllowed,
  deny_list_max_exceeded: DenyListMaxExceeded,
  deprecated_endpoint: DeprecatedEndpoint,
  desired_email_deactivated_by_different_member: DesiredEmailDeactivatedByDifferentMember,
  desired_email_updating_for_different_member: DesiredEmailUpdatingForDifferentMember,
  dfp_rule_invalid_cursor: DfpRuleInvalidCursor,
  downstream_carrier_error: DownstreamCarrierError,
  duplicate_biometric_registration: DuplicateBiometricRegistration,
  duplicate_custom_hostname_found: DuplicateCustomHostnameFound,
  duplicate_email: DuplicateEmail,
  duplicate_email_for_user: DuplicateEmailForUser,
  duplicate_email_template_vanity_id: DuplicateEmailTemplateVanityId,
  duplicate_external_sso_connection: DuplicateExternalSsoConnection,
  duplicate_m2m_client_id: DuplicateM2mClientId,
  duplicate_member_email: DuplicateMemberEmail,
  duplicate_member_external_id: DuplicateMemberExternalId,
  duplicate_member_phone_number: DuplicateMemberPhoneNumber,
  duplicate_member_phone_number_for_member: DuplicateMemberPhoneNumberForMember,
  duplicate_organization: DuplicateOrganization,
  duplicate_organization_user: DuplicateOrganizationUser,
  duplicate_phone_number: DuplicatePhoneNumber,
  duplicate_phone_number_for_user: DuplicatePhoneNumberForUser,
  duplicate_project_user: DuplicateProjectUser,
  duplicate_redirect_url: DuplicateRedirectUrl,
  duplicate_saml_connection: DuplicateSamlConnection,
  duplicate_saml_response: DuplicateSamlResponse,
  duplicate_user_external_id: DuplicateUserExternalId,
  duplicate_wallet_address: DuplicateWalletAddress,
  duplicate_wallet_address_for_user: DuplicateWalletAddressForUser,
  duplicate_webauthn_registration: DuplicateWebauthnRegistration,
  dynamic_client_registration_not_enabled: DynamicClientRegistrationNotEnabled,
  email_in_denylist: EmailInDenylist,
  email_jit_provisioning_not_allowed: EmailJitProvisioningNotAllowed,
  email_not_found: EmailNotFound,
  email_not_in_allowlist: EmailNotInAllowlist,
  email_settings_not_found: EmailSettingsNotFound,
  email_template_not_found: EmailTemplateNotFound,
  email_unverified_for_reactivation: EmailUnverifiedForReactivation,
  email_updates_available_only_for_active_members: EmailUpdatesAvailableOnlyForActiveMembers,
  email_verification_required: EmailVerificationRequired,
  empty_rbac_resource_id: EmptyRbacResourceId,
  empty_rbac_role_id: EmptyRbacRoleId,
  empty_rbac_scope: EmptyRbacScope,
  empty_webauthn_registration_name: EmptyWebauthnRegistrationName,
  endpoint_not_authorized_for_sdk: EndpointNotAuthorizedForSdk,
  enterprise_endpoint: EnterpriseEndpoint,
  event_log_streaming_bad_datadog_config: EventLogStreamingBadDatadogConfig,
  event_log_streaming_bad_grafana_loki_config: EventLogStreamingBadGrafanaLokiConfig,
  event_log_streaming_invalid_destination_type: EventLogStreamingInvalidDestinationType,
  event_log_streaming_invalid_streaming_status: EventLogStreamingInvalidStreamingStatus,
  event_log_streaming_not_found: EventLogStreamingNotFound,
  event_log_streaming_too_many_destinations: EventLogStreamingTooManyDestinations,
  expired_oauth_response: ExpiredOauthResponse,
  expired_oidc_response: ExpiredOidcResponse,
  expired_saml_response: ExpiredSamlResponse,
  expired_totp: ExpiredTotp,
  external_connection_id_not_found: ExternalConnectionIdNotFound,
  external_connection_not_active: ExternalConnectionNotActive,
  external_organization_id_same_as_organization_id: ExternalOrganizationIdSameAsOrganizationId,
  failed_saml_response: FailedSamlResponse,
  forbidden_character_zero_width_space: ForbiddenCharacterZeroWidthSpace,
  id_token_expired: IdTokenExpired,
  id_token_incorrect_audience: IdTokenIncorrectAudience,
  id_token_invalid: IdTokenInvalid,
  id_token_nonce_invalid: IdTokenNonceInvalid,
  idp_access_token_could_not_be_exchanged: IdpAccessTokenCouldNotBeExchanged,
  idp_access_token_expired: IdpAccessTokenExpired,
  idp_access_token_not_found: IdpAccessTokenNotFound,
  idp_auth_code_expired: IdpAuthCodeExpired,
  idp_auth_code_not_found: IdpAuthCodeNotFound,
  idp_invalid_access_token_custom_audience: IdpInvalidAccessTokenCustomAudience,
  idp_invalid_access_token_expiry_minutes: IdpInvalidAccessTokenExpiryMinutes,
  idp_invalid_access_token_jwt_template: IdpInvalidAccessTokenJwtTemplate,
  idp_refresh_token_already_used: IdpRefreshTokenAlreadyUsed,
  idp_refresh_token_expired: IdpRefreshTokenExpired,
  idp_refresh_token_not_found: IdpRefreshTokenNotFound,
  inactive_email: InactiveEmail,
  incompatible_session_type: IncompatibleSessionType,
  indeterminate_sso_connection_for_organization: IndeterminateSsoConnectionForOrganization,
  insecure_m2m_client_secret: InsecureM2mClientSecret,
  insufficient_factors: InsufficientFactors,
  insufficient_factors_for_session_exchange: InsufficientFactorsForSessionExchange,
  intermediate_session_not_found: IntermediateSessionNotFound,
  internal_server_error: InternalServerError,
  invalid_action_for_rules: InvalidActionForRules,
  invalid_append_salt: InvalidAppendSalt,
  invalid_argon_2_iteration_amount: InvalidArgon2IterationAmount,
  invalid_argon_2_key_length: InvalidArgon2KeyLength,
  invalid_argon_2_memory: InvalidArgon2Memory,
  invalid_argon_2_salt: InvalidArgon2Salt,
  invalid_argon_2_threads: InvalidArgon2Threads,
  invalid_argument: InvalidArgument,
  invalid_asn: InvalidAsn,
  invalid_audience_saml_response: InvalidAudienceSamlResponse,
  invalid_authentication_type: InvalidAuthenticationType,
  invalid_authenticator_type: InvalidAuthenticatorType,
  invalid_authorization_header: InvalidAuthorizationHeader,
  invalid_authorization_url: InvalidAuthorizationUrl,
  invalid_b2b_endpoint: InvalidB2bEndpoint,
  invalid_base64_scrypt_hash: InvalidBase64ScryptHash,
  invalid_base64_scrypt_salt: InvalidBase64ScryptSalt,
  invalid_bcrypt_cost: InvalidBcryptCost,
  invalid_bcrypt_hash: InvalidBcryptHash,
  invalid_biometric_registration_id: InvalidBiometricRegistrationId,
  invalid_callback_id: InvalidCallbackId,
  invalid_captcha_provider_id: InvalidCaptchaProviderId,
  invalid_captcha_provider_type: InvalidCaptchaProviderType,
  invalid_captcha_threshold: InvalidCaptchaThreshold,
  invalid_cidr_block: InvalidCidrBlock,
  invalid_client_id: InvalidClientId,
  invalid_client_secret: InvalidClientSecret,
  invalid_code: InvalidCode,
  invalid_connected_app_type: InvalidConnectedAppType,
  invalid_connection_for_jit_provisioning: InvalidConnectionForJitProvisioning,
  invalid_consumer_endpoint: InvalidConsumerEndpoint,
  invalid_country_code: InvalidCountryCode,
  invalid_country_code_allow_rule: InvalidCountryCodeAllowRule,
  invalid_create_user_request: InvalidCreateUserRequest,
  invalid_crypto_wallet_address: InvalidCryptoWalletAddress,
  invalid_crypto_wallet_id: InvalidCryptoWalletId,
  invalid_default_url: InvalidDefaultUrl,
  invalid_discovery_redirect_url: InvalidDiscoveryRedirectUrl,
  invalid_display_name: InvalidDisplayName,
  invalid_domain: InvalidDomain,
  invalid_email: InvalidEmail,
  invalid_email_domain: InvalidEmailDomain,
  invalid_email_for_invites: InvalidEmailForInvites,
  invalid_email_for_jit_provisioning: InvalidEmailForJitProvisioning,
  invalid_email_html: InvalidEmailHtml,
  invalid_email_id: InvalidEmailId,
  invalid_email_plaintext: InvalidEmailPlaintext,
  invalid_email_sandbox: InvalidEmailSandbox,
  invalid_email_subject: InvalidEmailSubject,
  invalid_email_template_content: InvalidEmailTemplateContent,
  invalid_email_template_parameters: InvalidEmailTemplateParameters,
  invalid_ethereum_address: InvalidEthereumAddress,
  invalid_exchange_primary_factor_fields: InvalidExchangePrimaryFactorFields,
  invalid_exchange_primary_factor_user: InvalidExchangePrimaryFactorUser,
  invalid_expiration: InvalidExpiration,
  invalid_expiration_otp: InvalidExpirationOtp,
  invalid_external_metadata: InvalidExternalMetadata,
  invalid_fingerprint_or_id: InvalidFingerprintOrId,
  invalid_from_local_part: InvalidFromLocalPart,
  invalid_google_hosted_domain_error: InvalidGoogleHostedDomainError,
  invalid_hash: InvalidHash,
  invalid_hash_type: InvalidHashType,
  invalid_id: InvalidId,
  invalid_idp_entity_id: InvalidIdpEntityId,
  invalid_idp_sso_url: InvalidIdpSsoUrl,
  invalid_impersonation_reason: InvalidImpersonationReason,
  invalid_intermediate_session_token_for_organization: InvalidIntermediateSessionTokenForOrganization,
  invalid_invite_magic_link_url: InvalidInviteMagicLinkUrl,
  invalid_invite_redirect_url: InvalidInviteRedirectUrl,
  invalid_ip_address: InvalidIpAddress,
  invalid_issuer: InvalidIssuer,
  invalid_jwks_url: InvalidJwksUrl,
  invalid_locale: InvalidLocale,
  invalid_login_magic_link_url: InvalidLoginMagicLinkUrl,
  invalid_login_oauth_url: InvalidLoginOauthUrl,
  invalid_login_redirect_url: InvalidLoginRedirectUrl,
  invalid_login_sso_url: InvalidLoginSsoUrl,
  invalid_m2m_client_scope: InvalidM2mClientScope,
  invalid_m2m_client_status: InvalidM2mClientStatus,
  invalid_magic_link_url: InvalidMagicLinkUrl,
  invalid_md_5_hash: InvalidMd5Hash,
  invalid_member_get_fields: InvalidMemberGetFields,
  invalid_method_id: InvalidMethodId,
  invalid_mfa_default_method: InvalidMfaDefaultMethod,
  invalid_microsoft_tenant_type: InvalidMicrosoftTenantType,
  invalid_microsoft_user_principal_name: InvalidMicrosoftUserPrincipalName,
  invalid_mobile_identifier: InvalidMobileIdentifier,
  invalid_oauth_allowed_tenants_format: InvalidOauthAllowedTenantsFormat,
  invalid_oauth_attach_token: InvalidOauthAttachToken,
  invalid_oauth_provider: InvalidOauthProvider,
  invalid_oauth_tenant_for_jit_provisioning: InvalidOauthTenantForJitProvisioning,
  invalid_oauth_user_registration_id: InvalidOauthUserRegistrationId,
  invalid_organization_allowed_auth_methods: InvalidOrganizationAllowedAuthMethods,
  invalid_organization_allowed_mfa_methods: InvalidOrganizationAllowedMfaMethods,
  invalid_organization_auth_factor_setting: InvalidOrganizationAuthFactorSetting,
  invalid_organization_auth_factor_setting_for_email_jit_provisioning: InvalidOrganizationAuthFactorSettingForEmailJitProvisioning,
  invalid_organization_auth_factor_setting_for_oauth_tenant_jit_provisioning: InvalidOrganizationAuthFactorSettingForOauthTenantJitProvisioning,
  invalid_organization_auth_method_settings: InvalidOrganizationAuthMethodSettings,
  invalid_organization_external_id: InvalidOrganizationExternalId,
  invalid_organization_id: InvalidOrganizationId,
  invalid_organization_mfa_factor_setting: InvalidOrganizationMfaFactorSetting,
  invalid_organization_mfa_policy: InvalidOrganizationMfaPolicy,
  invalid_organization_name: InvalidOrganizationName,
  invalid_organization_slug: InvalidOrganizationSlug,
  invalid_password_id: InvalidPasswordId,
  invalid_password_reset_redirect_url: InvalidPasswordResetRedirectUrl,
  invalid_password_strength_luds_complexity: InvalidPasswordStrengthLudsComplexity,
  invalid_password_strength_luds_length: InvalidPasswordStrengthLudsLength,
  invalid_pbkdf_2_algorithm: InvalidPbkdf2Algorithm,
  invalid_pbkdf_2_hash: InvalidPbkdf2Hash,
  invalid_pbkdf_2_iteration_amount: InvalidPbkdf2IterationAmount,
  invalid_pbkdf_2_salt: InvalidPbkdf2Salt,
  invalid_permission_action: InvalidPermissionAction,
  invalid_permission_resource: InvalidPermissionResource,
  invalid_phone_number: InvalidPhoneNumber,
  invalid_phone_number_country_code: InvalidPhoneNumberCountryCode,
  invalid_phone_number_docs: InvalidPhoneNumberDocs,
  invalid_phone_number_sandbox: InvalidPhoneNumberSandbox,
  invalid_phpass_hash_format: InvalidPhpassHashFormat,
  invalid_phpass_hash_prefix: InvalidPhpassHashPrefix,
  invalid_pkce_code_challenge: InvalidPkceCodeChallenge,
  invalid_pkce_code_verifier: InvalidPkceCodeVerifier,
  invalid_prepend_salt: InvalidPrependSalt,
  invalid_project_id: InvalidProjectId,
  invalid_project_id_authentication: InvalidProjectIdAuthentication,
  invalid_project_name: InvalidProjectName,
  invalid_public_key: InvalidPublicKey,
  invalid_public_key_credential: InvalidPublicKeyCredential,
  invalid_public_key_credential_invalid_authenticator_data: InvalidPublicKeyCredentialInvalidAuthenticatorData,
  invalid_public_key_credential_invalid_id: InvalidPublicKeyCredentialInvalidId,
  invalid_public_key_credential_invalid_signature: InvalidPublicKeyCredentialInvalidSignature,
  invalid_public_key_credential_malformed_attestation_object: InvalidPublicKeyCredentialMalformedAttestationObject,
  invalid_public_key_credential_malformed_client_data_json: InvalidPublicKeyCredentialMalformedClientDataJson,
  invalid_public_key_credential_missing_attestation_object_field: InvalidPublicKeyCredentialMissingAttestationObjectField,
  invalid_public_key_credential_missing_authenticator_data_field: InvalidPublicKeyCredentialMissingAuthenticatorDataField,
  invalid_public_key_credential_missing_client_data_json_field: InvalidPublicKeyCredentialMissingClientDataJsonField,
  invalid_public_key_credential_missing_id_field: InvalidPublicKeyCredentialMissingIdField,
  invalid_public_key_credential_missing_response_field: InvalidPublicKeyCredentialMissingResponseField,
  invalid_public_key_credential_missing_signature_field: InvalidPublicKeyCredentialMissingSignatureField,
  invalid_public_token_id: InvalidPublicTokenId,
  invalid_rbac_custom_role: InvalidRbacCustomRole,
  invalid_rbac_role_assignment: InvalidRbacRoleAssignment,
  invalid_rbac_role_id: InvalidRbacRoleId,
  invalid_rbac_scope: InvalidRbacScope,
  invalid_rbac_stytch_role_edit: InvalidRbacStytchRoleEdit,
  invalid_recovery_code: InvalidRecoveryCode,
  invalid_redirect_url_type: InvalidRedirectUrlType,
  invalid_reply_to_local_part: InvalidReplyToLocalPart,
  invalid_request_id: InvalidRequestId,
  invalid_request_value: InvalidRequestValue,
  invalid_restricted_email_setting: InvalidRestrictedEmailSetting,
  invalid_restricted_oauth_tenants_setting: InvalidRestrictedOauthTenantsSetting,
  invalid_restricted_sso_setting: InvalidRestrictedSsoSetting,
  invalid_role: InvalidRole,
  invalid_saml_metadata_url: InvalidSamlMetadataUrl,
  invalid_saml_response: InvalidSamlResponse,
  invalid_saml_response_email: InvalidSamlResponseEmail,
  invalid_saml_response_groups: InvalidSamlResponseGroups,
  invalid_scim_idp: InvalidScimIdp,
  invalid_scrypt_n_parameter: InvalidScryptNParameter,
  invalid_scrypt_parameters: InvalidScryptParameters,
  invalid_scrypt_salt_length: InvalidScryptSaltLength,
  invalid_secret_authentication: InvalidSecretAuthentication,
  invalid_secret_id: InvalidSecretId,
  invalid_session_duration: InvalidSessionDuration,
  invalid_session_duration_minutes: InvalidSessionDurationMinutes,
  invalid_session_fields: InvalidSessionFields,
  invalid_session_id: InvalidSessionId,
  invalid_session_management: InvalidSessionManagement,
  invalid_session_missing_primary_factor: InvalidSessionMissingPrimaryFactor,
  invalid_session_token: InvalidSessionToken,
  invalid_session_token_docs: InvalidSessionTokenDocs,
  invalid_sha_1_hash: InvalidSha1Hash,
  invalid_sha_512_hash: InvalidSha512Hash,
  invalid_signature: InvalidSignature,
  invalid_signature_saml_response: InvalidSignatureSamlResponse,
  invalid_signup_magic_link_url: InvalidSignupMagicLinkUrl,
  invalid_signup_oauth_url: InvalidSignupOauthUrl,
  invalid_signup_redirect_url: InvalidSignupRedirectUrl,
  invalid_signup_sso_url: InvalidSignupSsoUrl,
  invalid_siwe_chain_id: InvalidSiweChainId,
  invalid_siwe_domain: InvalidSiweDomain,
  invalid_siwe_message_request_id: InvalidSiweMessageRequestId,
  invalid_siwe_resource: InvalidSiweResource,
  invalid_siwe_statement: InvalidSiweStatement,
  invalid_siwe_uri: InvalidSiweUri,
  invalid_solana_address: InvalidSolanaAddress,
  invalid_sso_default_connection_id: InvalidSsoDefaultConnectionId,
  invalid_sso_idp: InvalidSsoIdp,
  invalid_stytch_prefixed_resource: InvalidStytchPrefixedResource,
  invalid_subject: InvalidSubject,
  invalid_template_id: InvalidTemplateId,
  invalid_template_values: InvalidTemplateValues,
  invalid_token: InvalidToken,
  invalid_token_docs: InvalidTokenDocs,
  invalid_token_organization_id_claim: InvalidTokenOrganizationIdClaim,
  invalid_token_url: InvalidTokenUrl,
  invalid_totp_code: InvalidTotpCode,
  invalid_totp_id: InvalidTotpId,
  invalid_trusted_auth_token: InvalidTrustedAuthToken,
  invalid_url: InvalidUrl,
  invalid_user_agent: InvalidUserAgent,
  invalid_user_id: InvalidUserId,
  invalid_user_lock_threshold: InvalidUserLockThreshold,
  invalid_user_lock_ttl: InvalidUserLockTtl,
  invalid_userinfo_url: InvalidUserinfoUrl,
  invalid_wallet_address_user: InvalidWalletAddressUser,
  invalid_wallet_type: InvalidWalletType,
  invalid_webauthn_registration_domain: InvalidWebauthnRegistrationDomain,
  invalid_webauthn_registration_id: InvalidWebauthnRegistrationId,
  invalid_wildcard_action: InvalidWildcardAction,
  invalid_x509_certificate: InvalidX509Certificate,
  invalid_xml_from_saml_metadata_url: InvalidXmlFromSamlMetadataUrl,
  invalid_xml_saml_response: InvalidXmlSamlResponse,
  jwt_invalid_audience: JwtInvalidAudience,
  jwt_invalid_claims: JwtInvalidClaims,
  jwt_invalid_issuer: JwtInvalidIssuer,
  jwt_template_invalid_json: JwtTemplateInvalidJson,
  jwt_template_invalid_tag: JwtTemplateInvalidTag,
  jwt_template_mismatched_tag: JwtTemplateMismatchedTag,
  jwt_template_not_found: JwtTemplateNotFound,
  live_id_used_in_test_environment: LiveIdUsedInTestEnvironment,
  m2m_client_already_rotating_secret: M2mClientAlreadyRotatingSecret,
  m2m_client_invalid_client_description: M2mClientInvalidClientDescription,
  m2m_client_invalid_client_id: M2mClientInvalidClientId,
  m2m_client_invalid_client_name: M2mClientInvalidClientName,
  m2m_client_invalid_client_secret: M2mClientInvalidClientSecret,
  m2m_client_invalid_status: M2mClientInvalidStatus,
  m2m_client_not_found: M2mClientNotFound,
  m2m_client_not_rotating_secret: M2mClientNotRotatingSecret,
  m2m_search_expected_array_of_strings: M2mSearchExpectedArrayOfStrings,
  m2m_search_filter_name_must_be_string: M2mSearchFilterNameMustBeString,
  m2m_search_filter_name_not_recognized: M2mSearchFilterNameNotRecognized,
  m2m_search_missing_filter_name: M2mSearchMissingFilterName,
  m2m_search_missing_filter_value: M2mSearchMissingFilterValue,
  magic_link_not_found: MagicLinkNotFound,
  member_cannot_update_their_email_address: MemberCannotUpdateTheirEmailAddress,
  member_dashboard_search_disabled: MemberDashboardSearchDisabled,
  member_does_not_exist_in_organization: MemberDoesNotExistInOrganization,
  member_has_no_active_verified_email: MemberHasNoActiveVerifiedEmail,
  member_impersonation_not_allowed: MemberImpersonationNotAllowed,
  member_not_found: MemberNotFound,
  member_oauth_token_not_found: MemberOauthTokenNotFound,
  member_oidc_token_not_found: MemberOidcTokenNotFound,
  member_password_not_found: MemberPasswordNotFound,
  member_phone_number_not_found: MemberPhoneNumberNotFound,
  member_reset_password: MemberResetPassword,
  member_search_cannot_mix_internal_and_external_member_ids: MemberSearchCannotMixInternalAndExternalMemberIds,
  member_search_expected_array_of_strings: MemberSearchExpectedArrayOfStrings,
  member_search_expected_boolean: MemberSearchExpectedBoolean,
  member_search_expected_string: MemberSearchExpectedString,
  member_search_filter_name_must_be_string: MemberSearchFilterNameMustBeString,
  member_search_filter_name_not_recognized: MemberSearchFilterNameNotRecognized,
  member_search_member_email_fuzzy_too_short: MemberSearchMemberEmailFuzzyTooShort,
  member_search_member_mfa_phone_number_fuzzy_too_short: MemberSearchMemberMfaPhoneNumberFuzzyTooShort,
  member_search_missing_filter_name: MemberSearchMissingFilterName,
  member_search_missing_filter_value: MemberSearchMissingFilterValue,
  member_search_missing_is_breakglass: MemberSearchMissingIsBreakglass,
  member_search_missing_member_email_fuzzy: MemberSearchMissingMemberEmailFuzzy,
  member_search_missing_member_emails: MemberSearchMissingMemberEmails,
  member_search_missing_member_ids: MemberSearchMissingMemberIds,
  member_search_missing_member_roles: MemberSearchMissingMemberRoles,
  member_search_missing_mfa_member_phone_number_fuzzy: MemberSearchMissingMfaMemberPhoneNumberFuzzy,
  member_search_missing_mfa_member_phone_numbers: MemberSearchMissingMfaMemberPhoneNumbers,
  member_search_missing_oauth_providers: MemberSearchMissingOauthProviders,
  member_search_missing_organization_id: MemberSearchMissingOrganizationId,
  member_search_missing_organization_slug: MemberSearchMissingOrganizationSlug,
  member_search_missing_organization_slug_fuzzy: MemberSearchMissingOrganizationSlugFuzzy,
  member_search_missing_password_exists: MemberSearchMissingPasswordExists,
  member_search_missing_status: MemberSearchMissingStatus,
  member_search_missing_statuses: MemberSearchMissingStatuses,
  member_search_missing_totp_exists: MemberSearchMissingTotpExists,
  member_search_organization_ids_empty: MemberSearchOrganizationIdsEmpty,
  member_search_organization_slug_fuzzy_too_short: MemberSearchOrganizationSlugFuzzyTooShort,
  member_session_member_id_mismatch: MemberSessionMemberIdMismatch,
  metadata_invalid_format: MetadataInvalidFormat,
  metadata_too_large: MetadataTooLarge,
  metadata_too_many_keys: MetadataTooManyKeys,
  method_not_allowed: MethodNotAllowed,
  migrate_from_external_email_does_not_exist: MigrateFromExternalEmailDoesNotExist,
  migrate_from_external_missing_userinfo: MigrateFromExternalMissingUserinfo,
  migrate_from_external_unexpected_response: MigrateFromExternalUnexpectedResponse,
  missing_apple_app_id: MissingAppleAppId,
  missing_oauth_organization_locator: MissingOauthOrganizationLocator,
  missing_oauth_refresh_token: MissingOauthRefreshToken,
  missing_oidc_csrf_cookie: MissingOidcCsrfCookie,
  missing_oidc_refresh_token: MissingOidcRefreshToken,
  missing_oidc_state_param: MissingOidcStateParam,
  missing_saml_csrf_cookie: MissingSamlCsrfCookie,
  missing_saml_relay_state: MissingSamlRelayState,
  missing_saml_response: MissingSamlResponse,
  missing_signature_saml_response: MissingSignatureSamlResponse,
  missing_sms_parameter: MissingSmsParameter,
  missing_sso_connection_locator: MissingSsoConnectionLocator,
  must_have_jwks_url_for_trusted_token_profile_with_type_jwk: MustHaveJwksUrlForTrustedTokenProfileWithTypeJwk,
  must_have_pem_files_for_trusted_token_profile_with_type_pem: MustHavePemFilesForTrustedTokenProfileWithTypePem,
  no_active_biometric_registrations: NoActiveBiometricRegistrations,
  no_active_recovery_code_backed_factor: NoActiveRecoveryCodeBackedFactor,
  no_active_scim_connection: NoActiveScimConnection,
  no_active_webauthn_registrations: NoActiveWebauthnRegistrations,
  no_associated_session_passed_in: NoAssociatedSessionPassedIn,
  no_captcha_provider_configured: NoCaptchaProviderConfigured,
  no_default_discovery_redirect_url_set: NoDefaultDiscoveryRedirectUrlSet,
  no_default_invite_redirect_url_set: NoDefaultInviteRedirectUrlSet,
  no_default_login_redirect_url_set: NoDefaultLoginRedirectUrlSet,
  no_default_signup_redirect_url_set: NoDefaultSignupRedirectUrlSet,
  no_deleted_member_found_for_reactivation: NoDeletedMemberFoundForReactivation,
  no_discovery_redirect_url: NoDiscoveryRedirectUrl,
  no_discovery_redirect_urls_set: NoDiscoveryRedirectUrlsSet,
  no_invite_redirect_url: NoInviteRedirectUrl,
  no_invite_redirect_urls_set: NoInviteRedirectUrlsSet,
  no_login_redirect_url: NoLoginRedirectUrl,
  no_login_redirect_urls_set: NoLoginRedirectUrlsSet,
  no_match_for_provided_magic_link_url: NoMatchForProvidedMagicLinkUrl,
  no_match_for_provided_oauth_url: NoMatchForProvidedOauthUrl,
  no_match_for_provided_sso_url: NoMatchForProvidedSsoUrl,
  no_oauth_authorize_member_selector: NoOauthAuthorizeMemberSelector,
  no_oauth_authorize_user_selector: NoOauthAuthorizeUserSelector,
  no_password_reset_redirect_url: NoPasswordResetRedirectUrl,
  no_pending_webauthn_registration: NoPendingWebauthnRegistration,
  no_session_arguments: NoSessionArguments,
  no_session_revoke_arguments: NoSessionRevokeArguments,
  no_signup_redirect_url: NoSignupRedirectUrl,
  no_signup_redirect_urls_set: NoSignupRedirectUrlsSet,
  no_sso_connection_exists_for_organization: NoSsoConnectionExistsForOrganization,
  no_user_password: NoUserPassword,
  no_user_selection_arguments: NoUserSelectionArguments,
  no_wildcards_in_live_redirect_url: NoWildcardsInLiveRedirectUrl,
  not_yet_valid_saml_response: NotYetValidSamlResponse,
  oauth_access_token_exchange_missing_full_access: OauthAccessTokenExchangeMissingFullAccess,
  oauth_access_token_exchange_token_invalid_grant: OauthAccessTokenExchangeTokenInvalidGrant,
  oauth_access_token_exchange_token_too_old: OauthAccessTokenExchangeTokenTooOld,
  oauth_app_not_authorized: OauthAppNotAuthorized,
  oauth_auth_code_error: OauthAuthCodeError,
  oauth_config_not_found: OauthConfigNotFound,
  oauth_creating_redirect_url_error: OauthCreatingRedirectUrlError,
  oauth_discovery_flow_callback_error: OauthDiscoveryFlowCallbackError,
  oauth_flow_callback_error: OauthFlowCallbackError,
  oauth_invalid_callback_request: OauthInvalidCallbackRequest,
  oauth_invalid_scope_requested: OauthInvalidScopeRequested,
  oauth_invalid_state: OauthInvalidState,
  oauth_non_discovery_flow_callback_error: OauthNonDiscoveryFlowCallbackError,
  oauth_state_mismatch: OauthStateMismatch,
  oauth_state_used: OauthStateUsed,
  oauth_tenant_jit_provisioning_not_allowed: OauthTenantJitProvisioningNotAllowed,
  oauth_token_exchange_google_missing_information: OauthTokenExchangeGoogleMissingInformation,
  oauth_token_exchange_invalid_client: OauthTokenExchangeInvalidClient,
  oauth_token_exchange_invalid_request: OauthTokenExchangeInvalidRequest,
  oauth_token_exchange_invalid_scope: OauthTokenExchangeInvalidScope,
  oauth_token_exchange_microsoft_expired_secret: OauthTokenExchangeMicrosoftExpiredSecret,
  oauth_token_exchange_microsoft_invalid_secret: OauthTokenExchangeMicrosoftInvalidSecret,
  oauth_token_exchange_unauthorized_client: OauthTokenExchangeUnauthorizedClient,
  oauth_token_not_found: OauthTokenNotFound,
  oauth_unverified_email: OauthUnverifiedEmail,
  oauth_user_registration_not_found: OauthUserRegistrationNotFound,
  oidc_auth_code_error: OidcAuthCodeError,
  oidc_connection_authorization_url_invalid_format: OidcConnectionAuthorizationUrlInvalidFormat,
  oidc_connection_authorization_url_required: OidcConnectionAuthorizationUrlRequired,
  oidc_connection_client_id_required: OidcConnectionClientIdRequired,
  oidc_connection_client_secret_required: OidcConnectionClientSecretRequired,
  oidc_connection_issuer_required: OidcConnectionIssuerRequired,
  oidc_connection_issuer_url_invalid_format: OidcConnectionIssuerUrlInvalidFormat,
  oidc_connection_jwks_url_invalid_format: OidcConnectionJwksUrlInvalidFormat,
  oidc_connection_jwks_url_required: OidcConnectionJwksUrlRequired,
  oidc_connection_not_found: OidcConnectionNotFound,
  oidc_connection_token_url_invalid_format: OidcConnectionTokenUrlInvalidFormat,
  oidc_connection_token_url_required: OidcConnectionTokenUrlRequired,
  oidc_connection_userinfo_url_invalid_format: OidcConnectionUserinfoUrlInvalidFormat,
  oidc_csrf_cookie_mismatch: OidcCsrfCookieMismatch,
  oidc_invalid_callback_request: OidcInvalidCallbackRequest,
  oidc_invalid_userinfo: OidcInvalidUserinfo,
  oidc_prompt_none_must_be_exclusive: OidcPromptNoneMustBeExclusive,
  oidc_response_email_missing: OidcResponseEmailMissing,
  oidc_response_name_missing: OidcResponseNameMissing,
  oidc_response_subject_mismatch: OidcResponseSubjectMismatch,
  oidc_response_subject_missing: OidcResponseSubjectMissing,
  oidc_response_unverified_email: OidcResponseUnverifiedEmail,
  oidc_user_not_assigned_to_app_in_idp: OidcUserNotAssignedToAppInIdp,
  operation_restricted_by_organization_auth_methods: OperationRestrictedByOrganizationAuthMethods,
  operation_restricted_by_organization_mfa_methods: OperationRestrictedByOrganizationMfaMethods,
  organization_external_id_already_used: OrganizationExternalIdAlreadyUsed,
  organization_logo_url_too_long: OrganizationLogoUrlTooLong,
  organization_name_includes_banned_words: OrganizationNameIncludesBannedWords,
  organization_name_missing: OrganizationNameMissing,
  organization_not_found: OrganizationNotFound,
  organization_search_allowed_domain_fuzzy_too_short: OrganizationSearchAllowedDomainFuzzyTooShort,
  organization_search_expected_array_of_strings: OrganizationSearchExpectedArrayOfStrings,
  organization_search_expected_boolean: OrganizationSearchExpectedBoolean,
  organization_search_expected_string: OrganizationSearchExpectedString,
  organization_search_filter_name_must_be_string: OrganizationSearchFilterNameMustBeString,
  organization_search_filter_name_not_recognized: OrganizationSearchFilterNameNotRecognized,
  organization_search_member_email_fuzzy_too_short: OrganizationSearchMemberEmailFuzzyTooShort,
  organization_search_missing_allowed_domain_fuzzy: OrganizationSearchMissingAllowedDomainFuzzy,
  organization_search_missing_allowed_domains: OrganizationSearchMissingAllowedDomains,
  organization_search_missing_claimed_email_domains: OrganizationSearchMissingClaimedEmailDomains,
  organization_search_missing_filter_name: OrganizationSearchMissingFilterName,
  organization_search_missing_filter_value: OrganizationSearchMissingFilterValue,
  organization_search_missing_has_active_sso_connection: OrganizationSearchMissingHasActiveSsoConnection,
  organization_search_missing_member_email_fuzzy: OrganizationSearchMissingMemberEmailFuzzy,
  organization_search_missing_member_emails: OrganizationSearchMissingMemberEmails,
  organization_search_missing_organization_ids: OrganizationSearchMissingOrganizationIds,
  organization_search_missing_organization_name_fuzzy: OrganizationSearchMissingOrganizationNameFuzzy,
  organization_search_missing_organization_slug_fuzzy: OrganizationSearchMissingOrganizationSlugFuzzy,
  organization_search_missing_organization_slugs: OrganizationSearchMissingOrganizationSlugs,
  organization_search_missing_sso_connection_id: OrganizationSearchMissingSsoConnectionId,
  organization_search_organization_name_fuzzy_too_short: OrganizationSearchOrganizationNameFuzzyTooShort,
  organization_search_organization_slug_fuzzy_too_short: OrganizationSearchOrganizationSlugFuzzyTooShort,
  organization_settings_claimed_domain_too_common: OrganizationSettingsClaimedDomainTooCommon,
  organization_settings_disposable_domain: OrganizationSettingsDisposableDomain,
  organization_settings_domain_too_common: OrganizationSettingsDomainTooCommon,
  organization_settings_duplicate_claimed_domain: OrganizationSettingsDuplicateClaimedDomain,
  organization_settings_duplicate_domain: OrganizationSettingsDuplicateDomain,
  organization_settings_invalid_claimed_domain: OrganizationSettingsInvalidClaimedDomain,
  organization_settings_invalid_domain: OrganizationSettingsInvalidDomain,
  organization_slug_already_used: OrganizationSlugAlreadyUsed,
  organization_suspended: OrganizationSuspended,
  organization_user_not_found: OrganizationUserNotFound,
  otp_code_not_found: OtpCodeNotFound,
  password_already_exists: PasswordAlreadyExists,
  password_does_not_match: PasswordDoesNotMatch,
  password_not_found: PasswordNotFound,
  password_validation_timeout: PasswordValidationTimeout,
  passwords_incompatible_with_sdk_config: PasswordsIncompatibleWithSdkConfig,
  pbkdf_2_key_length_mismatch: Pbkdf2KeyLengthMismatch,
  pending_totp_exists: PendingTotpExists,
  phone_number_not_found: PhoneNumberNotFound,
  pkce_did_not_expect_code_verifier: PkceDidNotExpectCodeVerifier,
  pkce_expected_code_verifier: PkceExpectedCodeVerifier,
  pkce_mismatch: PkceMismatch,
  pkce_required_for_idp_authorization_flow: PkceRequiredForIdpAuthorizationFlow,
  pkce_required_for_native_callback: PkceRequiredForNativeCallback,
  private_key_too_long: PrivateKeyTooLong,
  project_has_no_public_tokens: ProjectHasNoPublicTokens,
  project_not_found: ProjectNotFound,
  project_user_not_found: ProjectUserNotFound,
  public_connected_apps_do_not_have_secrets: PublicConnectedAppsDoNotHaveSecrets,
  public_key_missing: PublicKeyMissing,
  public_token_not_found: PublicTokenNotFound,
  public_token_required: PublicTokenRequired,
  query_params_do_not_match: QueryParamsDoNotMatch,
  rbac_action_duplicate: RbacActionDuplicate,
  rbac_action_too_long: RbacActionTooLong,
  rbac_cannot_delete_attribute_used_in_org_policy: RbacCannotDeleteAttributeUsedInOrgPolicy,
  rbac_description_too_long: RbacDescriptionTooLong,
  rbac_domain_too_common: RbacDomainTooCommon,
  rbac_invalid_domain: RbacInvalidDomain,
  rbac_org_custom_roles_only: RbacOrgCustomRolesOnly,
  rbac_permission_missing_actions: RbacPermissionMissingActions,
  rbac_reserved_scope: RbacReservedScope,
  rbac_resource_duplicate: RbacResourceDuplicate,
  rbac_resource_id_too_long: RbacResourceIdTooLong,
  rbac_resource_missing_actions: RbacResourceMissingActions,
  rbac_role_duplicate: RbacRoleDuplicate,
  rbac_role_id_too_long: RbacRoleIdTooLong,
  rbac_role_missing_permissions: RbacRoleMissingPermissions,
  rbac_scope_duplicate: RbacScopeDuplicate,
  rbac_scope_missing_permissions: RbacScopeMissingPermissions,
  rbac_scope_too_long: RbacScopeTooLong,
  reactivation_email_belongs_to_another_member: ReactivationEmailBelongsToAnotherMember,
  recovery_code_used_as_totp_code: RecoveryCodeUsedAsTotpCode,
  recovery_codes_already_exist: RecoveryCodesAlreadyExist,
  recovery_codes_not_found: RecoveryCodesNotFound,
  redirect_url_cannot_use_protocol: RedirectUrlCannotUseProtocol,
  redirect_url_must_use_https: RedirectUrlMustUseHttps,
  redirect_url_not_found: RedirectUrlNotFound,
  redirect_url_with_query_param_placeholder_cannot_be_default: RedirectUrlWithQueryParamPlaceholderCannotBeDefault,
  redirect_url_with_wildcard_cannot_be_default: RedirectUrlWithWildcardCannotBeDefault,
  required_custom_email_domain: RequiredCustomEmailDomain,
  requires_active_sso_connection: RequiresActiveSsoConnection,
  reserved_claims_in_custom_claims: ReservedClaimsInCustomClaims,
  reset_password: ResetPassword,
  retired_email_missing_email_identifiers: RetiredEmailMissingEmailIdentifiers,
  retired_member_email: RetiredMemberEmail,
  route_not_found: RouteNotFound,
  route_not_supported_in_test: RouteNotSupportedInTest,
  saml_certificate_mismatch: SamlCertificateMismatch,
  saml_connection_attribute_mapping_missing_groups_key: SamlConnectionAttributeMappingMissingGroupsKey,
  saml_connection_attribute_mapping_required: SamlConnectionAttributeMappingRequired,
  saml_connection_email_mapping_required: SamlConnectionEmailMappingRequired,
  saml_connection_idp_sso_url_invalid_format: SamlConnectionIdpSsoUrlInvalidFormat,
  saml_connection_idp_sso_url_not_https: SamlConnectionIdpSsoUrlNotHttps,
  saml_connection_idp_sso_url_required: SamlConnectionIdpSsoUrlRequired,
  saml_connection_metadata_invalid_format: SamlConnectionMetadataInvalidFormat,
  saml_connection_name_mapping_required: SamlConnectionNameMappingRequired,
  saml_connection_no_nested_keys_in_attribute_mapping: SamlConnectionNoNestedKeysInAttributeMapping,
  saml_connection_not_found: SamlConnectionNotFound,
  saml_csrf_cookie_mismatch: SamlCsrfCookieMismatch,
  saml_group_role_assignment_does_not_contain_member_group: SamlGroupRoleAssignmentDoesNotContainMemberGroup,
  saml_idp_initiated_auth_disabled: SamlIdpInitiatedAuthDisabled,
  saml_signing_private_key_format_not_supported: SamlSigningPrivateKeyFormatNotSupported,
  saml_signing_private_key_invalid: SamlSigningPrivateKeyInvalid,
  scim_connection_not_rotating_token: ScimConnectionNotRotatingToken,
  scim_group_role_assignment_does_not_contain_group_id: ScimGroupRoleAssignmentDoesNotContainGroupId,
  scim_group_role_assignment_group_does_not_exist: ScimGroupRoleAssignmentGroupDoesNotExist,
  scrypt_key_length_mismatch: ScryptKeyLengthMismatch,
  search_invalid_status_filter: SearchInvalidStatusFilter,
  search_timeout: SearchTimeout,
  secondary_factor_not_found: SecondaryFactorNotFound,
  secret_not_found: SecretNotFound,
  server_unavailable: ServerUnavailable,
  service_unavailable: ServiceUnavailable,
  session_authorization_error: SessionAuthorizationError,
  session_authorization_tenancy_error: SessionAuthorizationTenancyError,
  session_enforced_factor_matching_session_required: SessionEnforcedFactorMatchingSessionRequired,
  session_must_have_at_least_one_active_factor: SessionMustHaveAtLeastOneActiveFactor,
  session_not_found: SessionNotFound,
  session_not_mutable: SessionNotMutable,
  session_on_code_does_not_match_session_passed_in: SessionOnCodeDoesNotMatchSessionPassedIn,
  session_too_old_to_reset_password: SessionTooOldToResetPassword,
  signature_is_incorrect_size: SignatureIsIncorrectSize,
  signature_missing: SignatureMissing,
  siwe_message_expired: SiweMessageExpired,
  siwe_message_not_valid_yet: SiweMessageNotValidYet,
  sms_template_not_found: SmsTemplateNotFound,
  sso_connection_custom_domain_mismatch: SsoConnectionCustomDomainMismatch,
  sso_connection_not_found: SsoConnectionNotFound,
  sso_connection_organization_mismatch: SsoConnectionOrganizationMismatch,
  sso_discovery_incompatible_with_sdk_config: SsoDiscoveryIncompatibleWithSdkConfig,
  sso_encryption_private_key_not_found: SsoEncryptionPrivateKeyNotFound,
  sso_multiple_connections_found: SsoMultipleConnectionsFound,
  sso_token_not_found: SsoTokenNotFound,
  sso_verification_key_not_found: SsoVerificationKeyNotFound,
  stale_factors: StaleFactors,
  stytch_claims_in_custom_claims: StytchClaimsInCustomClaims,
  telemetry_id_not_found: TelemetryIdNotFound,
  test_id_used_in_live_environment: TestIdUsedInLiveEnvironment,
  third_party_clients_cannot_use_full_access: ThirdPartyClientsCannotUseFullAccess,
  third_party_clients_require_consent_for_offline_access: ThirdPartyClientsRequireConsentForOfflineAccess,
  token_missing_organization_id_claim: TokenMissingOrganizationIdClaim,
  too_few_tokens_authenticated: TooFewTokensAuthenticated,
  too_many_biometric_registrations_for_user: TooManyBiometricRegistrationsForUser,
  too_many_connected_apps: TooManyConnectedApps,
  too_many_domains: TooManyDomains,
  too_many_email_templates: TooManyEmailTemplates,
  too_many_encryption_certificates: TooManyEncryptionCertificates,
  too_many_m2m_client_scopes: TooManyM2mClientScopes,
  too_many_m2m_clients_for_billing_tier: TooManyM2mClientsForBillingTier,
  too_many_oauth_organization_locators: TooManyOauthOrganizationLocators,
  too_many_pem_files_for_trusted_token_profile: TooManyPemFilesForTrustedTokenProfile,
  too_many_projects: TooManyProjects,
  too_many_public_tokens: TooManyPublicTokens,
  too_many_redirect_urls: TooManyRedirectUrls,
  too_many_requests: TooManyRequests,
  too_many_roles: TooManyRoles,
  too_many_secrets: TooManySecrets,
  too_many_session_arguments: TooManySessionArguments,
  too_many_session_revoke_arguments: TooManySessionRevokeArguments,
  too_many_sms_templates: TooManySmsTemplates,
  too_many_sso_connection_locators: TooManySsoConnectionLocators,
  too_many_sso_connections: TooManySsoConnections,
  too_many_sso_connections_for_billing_tier: TooManySsoConnectionsForBillingTier,
  too_many_sso_verification_certificates: TooManySsoVerificationCertificates,
  too_many_trusted_token_profiles_for_project: TooManyTrustedTokenProfilesForProject,
  too_many_unverified_factors: TooManyUnverifiedFactors,
  too_many_user_registrations_for_domain: TooManyUserRegistrationsForDomain,
  too_many_user_selection_arguments: TooManyUserSelectionArguments,
  totp_code_already_authenticated: TotpCodeAlreadyAuthenticated,
  totp_code_used_as_recovery_code: TotpCodeUsedAsRecoveryCode,
  totp_not_found: TotpNotFound,
  totps_not_found_for_user: TotpsNotFoundForUser,
  trusted_token_profile_cannot_have_multiple_external_ids: TrustedTokenProfileCannotHaveMultipleExternalIds,
  trusted_token_profile_incorrect_external_id_mapping: TrustedTokenProfileIncorrectExternalIdMapping,
  trusted_token_profile_invalid_request: TrustedTokenProfileInvalidRequest,
  trusted_token_profile_not_found: TrustedTokenProfileNotFound,
  twitter_401: Twitter401,
  twitter_403: Twitter403,
  unable_to_auth_biometric_registration: UnableToAuthBiometricRegistration,
  unable_to_auth_impersonation_token: UnableToAuthImpersonationToken,
  unable_to_auth_magic_link: UnableToAuthMagicLink,
  unable_to_auth_otp_code: UnableToAuthOtpCode,
  unable_to_auth_password_reset_token: UnableToAuthPasswordResetToken,
  unable_to_auth_webauthn_registration: UnableToAuthWebauthnRegistration,
  unable_to_authenticate_crypto_wallet: UnableToAuthenticateCryptoWallet,
  unable_to_authenticate_recovery_code: UnableToAuthenticateRecoveryCode,
  unable_to_authenticate_totp: UnableToAuthenticateTotp,
  unable_to_authorize_oauth_provider: UnableToAuthorizeOauthProvider,
  unable_to_delete_email_suppression: UnableToDeleteEmailSuppression,
  unable_to_delete_last_public_token: UnableToDeleteLastPublicToken,
  unable_to_parse_session_jwt: UnableToParseSessionJwt,
  unable_to_refresh_oauth_token: UnableToRefreshOauthToken,
  unable_to_refresh_oidc_token: UnableToRefreshOidcToken,
  unable_to_register_biometric_registration: UnableToRegisterBiometricRegistration,
  unable_to_register_webauthn_registration: UnableToRegisterWebauthnRegistration,
  unable_to_represent_custom_claims_json: UnableToRepresentCustomClaimsJson,
  unable_to_verify_member_email_update: UnableToVerifyMemberEmailUpdate,
  unauthorized_action: UnauthorizedAction,
  unauthorized_billing_permissions: UnauthorizedBillingPermissions,
  unauthorized_credentials: UnauthorizedCredentials,
  unauthorized_credentials_error: UnauthorizedCredentialsError,
  unauthorized_credentials_homepage: UnauthorizedCredentialsHomepage,
  unauthorized_project_id_live: UnauthorizedProjectIdLive,
  unauthorized_project_id_test: UnauthorizedProjectIdTest,
  unavailable_endpoint: UnavailableEndpoint,
  unknown_error: UnknownError,
  unsolicited_oidc_response: UnsolicitedOidcResponse,
  unsolicited_saml_response: UnsolicitedSamlResponse,
  unsubscribed_phone_number: UnsubscribedPhoneNumber,
  update_user_auth_method_not_allowed: UpdateUserAuthMethodNotAllowed,
  use_https: UseHttps,
  user_already_invited: UserAlreadyInvited,
  user_id_mismatch: UserIdMismatch,
  user_impersonation_not_allowed: UserImpersonationNotAllowed,
  user_lock_limit_reached: UserLockLimitReached,
  user_not_found: UserNotFound,
  user_search_cannot_mix_internal_and_external_user_ids: UserSearchCannotMixInternalAndExternalUserIds,
  user_search_email_address_fuzzy_too_short: UserSearchEmailAddressFuzzyTooShort,
  user_search_expected_array_of_string: UserSearchExpectedArrayOfString,
  user_search_expected_bool: UserSearchExpectedBool,
  user_search_expected_object: UserSearchExpectedObject,
  user_search_expected_string: UserSearchExpectedString,
  user_search_expected_timestamp: UserSearchExpectedTimestamp,
  user_search_filter_name_must_be_string: UserSearchFilterNameMustBeString,
  user_search_filter_name_not_recognized: UserSearchFilterNameNotRecognized,
  user_search_full_name_fuzzy_too_short: UserSearchFullNameFuzzyTooShort,
  user_search_invalid_cursor: UserSearchInvalidCursor,
  user_search_invalid_limit: UserSearchInvalidLimit,
  user_search_invalid_oauth_provider_filter: UserSearchInvalidOauthProviderFilter,
  user_search_invalid_operator: UserSearchInvalidOperator,
  user_search_invalid_status_filter: UserSearchInvalidStatusFilter,
  user_search_maximum_filter_value_count_exceeded: UserSearchMaximumFilterValueCountExceeded,
  user_search_missing_biometric_registration_ids: UserSearchMissingBiometricRegistrationIds,
  user_search_missing_biometric_verified: UserSearchMissingBiometricVerified,
  user_search_missing_created_at_greater_than: UserSearchMissingCreatedAtGreaterThan,
  user_search_missing_created_at_less_than: UserSearchMissingCreatedAtLessThan,
  user_search_missing_crypto_wallet_address: UserSearchMissingCryptoWalletAddress,
  user_search_missing_crypto_wallet_id: UserSearchMissingCryptoWalletId,
  user_search_missing_crypto_wallet_verified: UserSearchMissingCryptoWalletVerified,
  user_search_missing_email_address_fuzzy: UserSearchMissingEmailAddressFuzzy,
  user_search_missing_email_addresses: UserSearchMissingEmailAddresses,
  user_search_missing_email_domain: UserSearchMissingEmailDomain,
  user_search_missing_email_ids: UserSearchMissingEmailIds,
  user_search_missing_email_verified: UserSearchMissingEmailVerified,
  user_search_missing_filter_name: UserSearchMissingFilterName,
  user_search_missing_filter_value: UserSearchMissingFilterValue,
  user_search_missing_full_name_fuzzy: UserSearchMissingFullNameFuzzy,
  user_search_missing_greater_than: UserSearchMissingGreaterThan,
  user_search_missing_less_than: UserSearchMissingLessThan,
  user_search_missing_oauth_providers: UserSearchMissingOauthProviders,
  user_search_missing_password: UserSearchMissingPassword,
  user_search_missing_phone_ids: UserSearchMissingPhoneIds,
  user_search_missing_phone_number_fuzzy: UserSearchMissingPhoneNumberFuzzy,
  user_search_missing_phone_numbers: UserSearchMissingPhoneNumbers,
  user_search_missing_phone_verified: UserSearchMissingPhoneVerified,
  user_search_missing_status: UserSearchMissingStatus,
  user_search_missing_totp_ids: UserSearchMissingTotpIds,
  user_search_missing_totp_verified: UserSearchMissingTotpVerified,
  user_search_missing_user_ids: UserSearchMissingUserIds,
  user_search_missing_webauthn_registration_ids: UserSearchMissingWebauthnRegistrationIds,
  user_search_missing_webauthn_verified: UserSearchMissingWebauthnVerified,
  user_search_phone_number_fuzzy_too_short: UserSearchPhoneNumberFuzzyTooShort,
  user_unauthenticated: UserUnauthenticated,
  weak_factor_combination: WeakFactorCombination,
  weak_password: WeakPassword,
  webauthn_registration_not_found: WebauthnRegistrationNotFound,
  wrong_stack_live: WrongStackLive,
  wrong_stack_test: WrongStackTest,
  xml_validation_saml_unknown_error: XmlValidationSamlUnknownError
};
var facts = {
  active_totp_exists: { status: 400, message: "Cannot create a new TOTP for the specified user since the user already has an active TOTP. Users may only have one active TOTP at a time." },
  ad_blocker_detected: { status: 400, message: "The request was blocked by an Ad Blocker. Please disable your ad blocker and try the request again." },
  allow_list_max_exceeded: { status: 400, message: "The number of user methods registered to the allow list has exceeded the maximum of 500." },
  apple_oauth_config_not_found: { status: 400, message: "The Apple OAuth config was not found." },
  argon_2_key_length_mismatch: { status: 400, message: "The key_length value doesn't match the length of the provided hash." },
  attribute_mismatch: { status: 401, message: "Unable to authenticate because attributes on request don't match stored attributes." },
  bad_app_bundle_for_stytch_sdk: { status: 400, message: "This app bundle ID has not been registered as an allowed app for the Stytch SDK. Please add it here: https://stytch.com/dashboard/sdk-configuration" },
  bad_request: { status: 400, message: "The submitted request is invalid." },
  billing_info_not_found: { status: 404, message: "Billing info could not be found." },
  biometric_registration_not_found: { status: 404, message: "Biometric registration could not be found." },
  breached_password: { message: "password appears in a list of breached passwords." },
  cannot_update_trusted_metadata: { status: 401, message: "Stytch SDKs cannot update trusted metadata with user-provided values. Trusted metadata can only be updated by direct API integrations. SDKs are only allowed to update untrusted_metadata. Visit our docs to learn more." },
  captcha_failed: { status: 429, message: "Captcha failed" },
  captcha_provider_not_found: { status: 404, message: "Captcha Provider config could not be found." },
  captcha_required: { status: 403, message: "Captcha required" },
  cidr_block_invalid_prefix: { status: 400, message: "The CIDR block provided was too large. The CIDR block prefix must be between 16 and 32, inclusive." },
  client_closed_request: { status: 499, message: "Client closed request." },
  cname_invalid_for_http_only_cookies: { status: 401, message: "You didn't provide a valid CNAME with your HTTP-only cookies setting set to 'ENFORCED'. Consider updating the HTTP-only cookies setting to 'ENABLED' or making a request via the project's configured CNAME." },
  cname_record_not_found: { status: 404, message: "Could not find cname record using the values provided." },
  cname_required_for_http_only_cookies: { status: 401, message: "You may not make a request via the default API URL ('api.stytch.com' or 'test.stytch.com') with your HTTP-only cookies setting set to 'ENFORCED'. Consider updating the HTTP-only cookies setting to 'ENABLED' or making a request via the project's configured CNAME." },
  connected_app_consent_revoked: { status: 401, message: "The Connected App's permission has been revoked. Complete another authorization flow to re-enable access." },
  connected_app_not_found: { status: 404, message: "The Connected App requested could not be found." },
  connected_app_supplied_redirect_url_not_found_in_client: { status: 401, message: "The redirect URL supplied in the request is not registered to the client." },
  consumer_session_authorization_error: { status: 403, message: "The User is not authorized to perform the requested action on that resource." },
  context_canceled_error: { status: 499, message: "The request was canceled." },
  crypto_wallet_not_found: { status: 404, message: "Crypto wallet could not be found." },
  default_provider_not_allowed: { status: 404, message: "The Stytch Default OAuth Provider is not compatible with this feature, which requires additional configuration for your project. Please configure your own OAuth provider in the dashboard at https://stytch.com/dashboard/oauth." },
  dfp_rule_invalid_cursor: { status: 400, message: "The submitted cursor is not valid. Please contact support@stytch.com for assistance." },
  downstream_carrier_error: { status: 400 },
  duplicate_email: { message: "A user with the specified email already exists for this project." },
  duplicate_phone_number: { message: "A user with the specified phone number already exists for this project." },
  email_in_denylist: { status: 403, message: "The request's associated email is included in your email or email domain denylist." },
  email_not_found: { status: 404, message: "Email could not be found." },
  email_not_in_allowlist: { status: 403, message: "The request's associated email is not included in your email or email domain allowlist." },
  email_settings_not_found: { status: 404, message: "Email Settings could not be found." },
  email_template_not_found: { status: 404, message: "Email Template could not be found." },
  endpoint_not_authorized_for_sdk: { status: 401, message: "The project owner has not authorized the SDK to call this endpoint. Please enable it in the dashboard to continue: https://stytch.com/dashboard/sdk-configuration." },
  event_log_streaming_not_found: { status: 404, message: "The event log streaming destination was not found." },
  id_token_nonce_invalid: { message: "The provided nonce does not match the nonce in the ID token." },
  idp_access_token_could_not_be_exchanged: { status: 404, message: "The access token could not be exchanged." },
  idp_access_token_not_found: { status: 404 },
  inactive_email: { status: 400, message: "The email provided has been marked as inactive by our email provider. This happens most often when the email is undeliverable due to a hard bounce. If the cause of the hard bounce has been resolved, you can reactivate the email address via the User management tab or the Members tab in the Stytch Dashboard." },
  internal_server_error: { status: 500, message: "Oops, something seems to have gone wrong. If this issue persists, please reach out to support." },
  invalid_action_for_rules: { status: 400, message: "The action provided is invalid. The action must be 'ALLOW', 'BLOCK', 'CHALLENGE', or 'NONE'." },
  invalid_asn: { status: 400, message: "The ASN provided was invalid." },
  invalid_authorization_header: { status: 400, message: "The authorization header sent is not valid. Please contact support@stytch.com for help." },
  invalid_cidr_block: { status: 400, message: "The CIDR block provided was invalid. You must specify either a valid IP address or a valid CIDR block." },
  invalid_code: { message: "Code format is invalid." },
  invalid_consumer_endpoint: { message: "This endpoint is only enabled for consumer projects." },
  invalid_country_code: { status: 400, message: "The country code provided was invalid. Country codes must be valid ISO 3166-1 alpha-2 codes." },
  invalid_country_code_allow_rule: { status: 400, message: "You may not set an ALLOW rule on a country code." },
  invalid_email: { status: 400, message: "Email format is invalid." },
  invalid_email_domain: { status: 400 },
  invalid_external_metadata: { status: 400, message: "External metadata fields may not exceed 65 characters. They may only contain alphanumerics and the characters '_', '-', '+', '.', or '@'." },
  invalid_fingerprint_or_id: { status: 400, message: "The fingerprint or ID provided was invalid." },
  invalid_locale: { message: "locale is invalid." },
  invalid_method_id: { message: "method_id format is invalid." },
  invalid_phone_number: { message: "Phone number format is invalid. Ensure the phone number is in the E.164 format." },
  invalid_phone_number_country_code: { status: 400, message: "The phone number's country code is invalid, unsupported, or disabled for your Stytch Workspace. Please see here for additional information: https://stytch.com/docs/api/errors/400#invalid_phone_number_country_code" },
  invalid_project_id_authentication: { status: 400, message: "The project ID provided in the basic authentication header is invalid. Please check to make sure the format is correct and there are no trailing whitespaces. To create a new project or confirm an existing project ID please visit the Stytch dashboard here: https://stytch.com/dashboard/api-keys." },
  invalid_public_key_credential: { status: 400, message: "Invalid public key credential. Please confirm you're passing a correctly formatted public key credential." },
  invalid_session_duration: { message: "The submitted session duration exceeds the maximum session duration allowed for this project. If this is intentional, please update the maximum duration here: https://stytch.com/dashboard/sdk-configuration" },
  invalid_session_duration_minutes: { message: "session_duration_minutes is invalid, should be between 5 to 527040 minutes." },
  invalid_user_id: { status: 400, message: "user_id format is invalid." },
  magic_link_not_found: { status: 404, message: "The magic link could not be authenticated, try sending another magic link to the user." },
  method_not_allowed: { status: 405, message: "The method used is not supported." },
  no_active_biometric_registrations: { message: "No active mobile biometric registrations were found." },
  no_match_for_provided_magic_link_url: { message: "The magic_link_url in the request did not match any redirect URLs set for this project. Please visit https://stytch.com/dashboard/redirect-urls to update the redirect URLs for this project. For more information on why this validation is necessary please visit https://stytch.com/docs/api/url-validation" },
  no_user_password: { message: "user doesn't have an associated password." },
  oauth_auth_code_error: { message: "An error was encountered when exchanging the OAuth auth code. Please try again." },
  oauth_flow_callback_error: { message: "An error was encountered in the callback of the OAuth flow. Please try again." },
  oauth_invalid_callback_request: { message: "The OAuth callback request is invalid. Please reach out to the application developer for support." },
  organization_suspended: { status: 403, message: "Your organization has been suspended. Please contact support@stytch.com for assistance." },
  otp_code_not_found: { status: 404, message: "The passcode was incorrect and could not be authenticated, encourage the user to try inputting the passcode again or send another passcode." },
  phone_number_not_found: { message: "Phone Number could not be found." },
  pkce_expected_code_verifier: { message: "This flow was started using a code_challenge but the authentication call is missing the corresponding code_verifier." },
  pkce_mismatch: { message: "The submitted code_verifier does not match the code_challenge sent at the start of the flow." },
  reset_password: { message: "user must reset their password" },
  route_not_found: { status: 404, message: "The route provided is not supported." },
  server_unavailable: { status: 503, message: "Oops, something seems to have gone wrong. Please retry the request. If this issue persists, please reach out to support." },
  service_unavailable: { status: 503, message: "The API was not able to handle the request. Please try again later and reach out to support." },
  session_not_found: { status: 404, message: "Session could not be found." },
  session_too_old_to_reset_password: { message: "The provided session cannot be used to reset a password. It does not have an authentication_factor that was authenticated within the last 5 minutes. Please prompt the user to authenticate again before retrying the endpoint." },
  stale_factors: { message: "In order to call this endpoint, the user should have authenticated within the last hour. Please reauthenticate and try again." },
  telemetry_id_not_found: { status: 404, message: "The telemetry_id provided was not found." },
  too_few_tokens_authenticated: { status: 429, message: "Too many requests without sufficient percentage of tokens authenticated." },
  too_many_biometric_registrations_for_user: { message: "The provided user_id has reached the maximum allowed mobile biometric registrations. The maximum is 25." },
  too_many_requests: { status: 429, message: "Too many requests have been made." },
  too_many_unverified_factors: { message: "We were unable to create a new auth factor. This user already has too many unverified factors." },
  totp_code_already_authenticated: { message: "This TOTP code has already been authenticated. Please attempt with the next generated code." },
  twitter_403: { status: 403, message: "Twitter responded with a 403 Forbidden error." },
  unable_to_auth_biometric_registration: { message: "Biometric registration could not be authenticated." },
  unable_to_auth_magic_link: { status: 401, message: "The magic link could not be authenticated because it was either already used or expired. Send another magic link to this user." },
  unable_to_auth_otp_code: { status: 401, message: "The passcode could not be authenticated because it was either already used or expired. Send another passcode to this user." },
  unable_to_authorize_oauth_provider: { message: "Unable to authorize request to this OAuth provider. Please check the client ID and secret of your OAuth configuration." },
  unauthorized_action: { message: "Unauthorized action." },
  unauthorized_credentials: { status: 401, message: "Unauthorized credentials." },
  unauthorized_credentials_error: { status: 401, message: "The provided credentials are invalid." },
  unauthorized_credentials_homepage: { status: 401, message: "Thanks for trying Stytch! Replace the project ID and secret with your credentials from the developer dashboard to start adding users. To get started, sign up here: https://stytch.com/login" },
  unsubscribed_phone_number: { message: "User has unsubscribed. User must resubscribe by texting 'START' before messages can be sent." },
  use_https: { status: 403, message: "Please use https instead of http." },
  user_lock_limit_reached: { status: 429, message: "The user has been locked out due to too many failed authentication attempts. Please try again later." },
  user_not_found: { status: 404, message: "User could not be found." },
  user_unauthenticated: { message: "User must have an active Stytch session to call this method. Have you logged in yet?" },
  weak_password: { message: "password doesn't meet our strength requirements." }
};

// src/schemas/Errors.ts
var StytchUnknownError = class extends StytchApiError {
  _tag = "StytchUnknownError";
};
var StytchTransportError = class extends Data2.TaggedError("StytchTransportError") {
  [TypeId] = TypeId;
  get message() {
    return `${this.reason} error on ${this.method} ${this.url}: ${this.detail}`;
  }
};
var StytchDecodeError = class extends Data2.TaggedError("StytchDecodeError") {
  [TypeId] = TypeId;
  get message() {
    return `Could not read the answer to ${this.method} ${this.url} (HTTP ${this.status}, request_id ${this.request_id ?? "unknown"}): ${this.detail}`;
  }
};
var StytchClaimsError = class extends Data2.TaggedError("StytchClaimsError") {
  [TypeId] = TypeId;
  get message() {
    return `The session's custom claims do not match the expected schema: ${this.detail}`;
  }
};
var StytchJwtFailure = class extends Data2.Error {
  [TypeId] = TypeId;
  get name() {
    return this._tag;
  }
  get message() {
    return `Session JWT rejected, ${this.what}: ${this.detail}`;
  }
};
var StytchJwtExpired = class extends StytchJwtFailure {
  _tag = "StytchJwtExpired";
  what = "expired";
};
var StytchJwtNotYetValid = class extends StytchJwtFailure {
  _tag = "StytchJwtNotYetValid";
  what = "not yet valid";
};
var StytchJwtTooOld = class extends StytchJwtFailure {
  _tag = "StytchJwtTooOld";
  what = "too old";
};
var StytchJwtInvalidSignature = class extends StytchJwtFailure {
  _tag = "StytchJwtInvalidSignature";
  what = "bad signature";
};
var StytchJwtInvalidIssuer = class extends StytchJwtFailure {
  _tag = "StytchJwtInvalidIssuer";
  what = "bad issuer";
};
var StytchJwtInvalidAudience = class extends StytchJwtFailure {
  _tag = "StytchJwtInvalidAudience";
  what = "bad audience";
};
var StytchJwtUnknownKey = class extends StytchJwtFailure {
  _tag = "StytchJwtUnknownKey";
  what = "unknown signing key";
};
var StytchJwtUnsupportedAlgorithm = class extends StytchJwtFailure {
  _tag = "StytchJwtUnsupportedAlgorithm";
  what = "algorithm not allowed";
};
var StytchJwtMalformed = class extends StytchJwtFailure {
  _tag = "StytchJwtMalformed";
  what = "malformed";
};
var fromBody = (body) => {
  const Class = Object.hasOwn(byErrorType, body.error_type) ? byErrorType[body.error_type] : StytchUnknownError;
  return new Class(body);
};
var describeParseError = (error) => ParseResult.ArrayFormatter.formatErrorSync(error).map(
  (issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message.replace(/, actual [\s\S]*$/, "")}`
).join("; ");

// src/internal/client.ts
var isEndpoint = (u) => typeof u === "object" && u !== null && "id" in u && "path" in u;
var makeClient = (http2, tree) => {
  const out = {};
  for (const [key, value2] of Object.entries(tree)) {
    out[key] = isEndpoint(value2) ? (request) => http2.call(value2, request ?? {}) : makeClient(http2, value2);
  }
  return out;
};
var withClaims = (http2, endpoint2) => (request, claims) => Effect.flatMap(http2.call(endpoint2, request), (response) => {
  const session = response.session ?? response.user_session;
  return decodeClaims(response, session?.custom_claims, claims);
});
var decodeClaims = (response, raw, claims) => Schema.decodeUnknown(claims)(raw ?? {}).pipe(
  Effect.map((custom_claims) => ({ ...response, custom_claims })),
  Effect.mapError((error) => new StytchClaimsError({ detail: describeParseError(error) }))
);

// src/layers/StytchHttp.ts
import * as HttpClient from "@effect/platform/HttpClient";
import * as HttpClientRequest from "@effect/platform/HttpClientRequest";
import * as Context2 from "effect/Context";
import * as Duration2 from "effect/Duration";
import * as Effect3 from "effect/Effect";
import * as Layer2 from "effect/Layer";
import * as Random from "effect/Random";
import * as Schema2 from "effect/Schema";

// src/internal/version.ts
var VERSION = "0.1.0";

// src/layers/StytchConfig.ts
import * as Config from "effect/Config";
import * as ConfigError from "effect/ConfigError";
import * as Context from "effect/Context";
import * as Duration from "effect/Duration";
import * as Effect2 from "effect/Effect";
import * as Either from "effect/Either";
import * as Layer from "effect/Layer";
import * as Option from "effect/Option";
import * as Redacted from "effect/Redacted";
var StytchConfig = class extends Context.Tag("effect-stytch/StytchConfig")() {
};
var PROJECT_ID = /^project-(test|live)-[A-Za-z0-9-]+$/;
var SECRET = /^[^\s:]+$/;
var checkUrl = (path, value2) => {
  try {
    const url = new URL(value2);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      return Either.left(
        ConfigError.InvalidData([path], "Expected an http(s) URL without credentials, query or fragment")
      );
    }
    return Either.right(value2.replace(/\/+$/, ""));
  } catch {
    return Either.left(ConfigError.InvalidData([path], `Expected an http(s) URL, got ${JSON.stringify(value2)}`));
  }
};
var make2 = (options) => Effect2.suspend(() => {
  const projectId = (options.projectId ?? "").trim();
  if (!PROJECT_ID.test(projectId)) {
    return Effect2.fail(ConfigError.InvalidData(
      ["STYTCH_PROJECT_ID"],
      projectId === "" ? "The Stytch project id is missing" : "The Stytch project id must look like project-test-... or project-live-..."
    ));
  }
  const secret = typeof options.secret === "string" || options.secret === void 0 ? Redacted.make(options.secret ?? "") : options.secret;
  const raw = Redacted.value(secret);
  if (raw === "" || !SECRET.test(raw)) {
    return Effect2.fail(ConfigError.InvalidData(
      ["STYTCH_SECRET"],
      raw === "" ? "The Stytch secret is missing" : "The Stytch secret must be one word (no spaces or colons)"
    ));
  }
  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    return Effect2.fail(ConfigError.InvalidData(["maxRetries"], "maxRetries must be a whole number >= 0"));
  }
  const timeout = Option.getOrElse(
    Duration.decodeUnknown(options.timeout ?? Duration.seconds(10)),
    () => Duration.zero
  );
  if (!Duration.greaterThan(timeout, Duration.zero)) {
    return Effect2.fail(ConfigError.InvalidData(["timeout"], "timeout must be positive"));
  }
  const defaultBase = projectId.startsWith("project-live-") ? "https://api.stytch.com" : "https://test.stytch.com";
  return Effect2.all({
    baseUrl: checkUrl("STYTCH_BASE_URL", options.baseUrl ?? defaultBase),
    fraudBaseUrl: checkUrl("STYTCH_FRAUD_BASE_URL", options.fraudBaseUrl ?? "https://telemetry.stytch.com")
  }).pipe(Effect2.map(({ baseUrl, fraudBaseUrl }) => ({
    projectId,
    secret,
    baseUrl,
    fraudBaseUrl,
    timeout,
    maxRetries,
    transformClient: options.transformClient
  })));
});
var layer = (options) => Layer.effect(StytchConfig, make2(options));
var layerConfig = (config) => Layer.effect(StytchConfig, Effect2.flatMap(config, make2));
var fromEnv = Config.all({
  projectId: Config.string("STYTCH_PROJECT_ID"),
  secret: Config.redacted("STYTCH_SECRET"),
  baseUrl: Config.option(Config.string("STYTCH_BASE_URL")),
  fraudBaseUrl: Config.option(Config.string("STYTCH_FRAUD_BASE_URL"))
}).pipe(Config.map(({ baseUrl, fraudBaseUrl, ...rest }) => ({
  ...rest,
  baseUrl: baseUrl._tag === "Some" ? baseUrl.value : void 0,
  fraudBaseUrl: fraudBaseUrl._tag === "Some" ? fraudBaseUrl.value : void 0
})));
var layerFromEnv = layerConfig(fromEnv);

// src/layers/StytchHttp.ts
var StytchHttp = class extends Context2.Tag("effect-stytch/StytchHttp")() {
};
var ErrorBody = Schema2.Struct({
  status_code: Schema2.Number,
  request_id: Schema2.String,
  error_type: Schema2.String,
  error_message: Schema2.String,
  error_url: Schema2.String,
  error_details: Schema2.optional(Schema2.Unknown)
});
var decodeErrorBody = Schema2.decodeUnknownEither(ErrorBody);
var encoders = /* @__PURE__ */ new WeakMap();
var decoders = /* @__PURE__ */ new WeakMap();
var cached = (map28, schema, compile) => {
  let fn = map28.get(schema);
  if (fn === void 0) {
    fn = compile(schema);
    map28.set(schema, fn);
  }
  return fn;
};
var TRANSIENT_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var MAX_RETRY_AFTER = Duration2.seconds(60);
var retryAfter = (headers, now) => {
  const ms = headers["retry-after-ms"];
  if (ms !== void 0 && /^\d+(\.\d+)?$/.test(ms)) return Duration2.min(Duration2.millis(Number(ms)), MAX_RETRY_AFTER);
  const value2 = headers["retry-after"]?.trim();
  if (value2 === void 0) return void 0;
  if (/^\d+(\.\d+)?$/.test(value2)) return Duration2.min(Duration2.seconds(Number(value2)), MAX_RETRY_AFTER);
  if (!/[A-Za-z]/.test(value2)) return void 0;
  const date = Date.parse(value2);
  if (Number.isNaN(date)) return void 0;
  return Duration2.min(Duration2.millis(Math.max(0, date - now)), MAX_RETRY_AFTER);
};
var backoff = (retry) => Effect3.map(Random.next, (r) => Duration2.millis(Math.min(500 * 2 ** retry, 8e3) * (1 - 0.25 * r)));
var transportError = (method, url, error) => new StytchTransportError({
  reason: error._tag === "RequestError" && error.reason === "Encode" ? "Encode" : "Transport",
  method,
  url,
  detail: error.description ?? error.reason,
  // The platform error holds the request (headers included); keep only what caused it.
  cause: error.cause
});
var make4 = Effect3.gen(function* () {
  const config = yield* StytchConfig;
  const base = yield* HttpClient.HttpClient;
  const client = (config.transformClient ?? ((c) => c))(
    base.pipe(HttpClient.mapRequest(HttpClientRequest.basicAuth(config.projectId, config.secret)))
  );
  const userAgent = `effect-stytch/${VERSION}`;
  const attempt = (request, method, url) => client.execute(request).pipe(
    Effect3.flatMap(
      (response) => Effect3.map(response.text, (body) => ({
        _tag: "Answer",
        status: response.status,
        headers: response.headers,
        body
      }))
    ),
    Effect3.timeoutFail({
      duration: config.timeout,
      onTimeout: () => new StytchTransportError({
        reason: "Timeout",
        method,
        url,
        detail: `no answer within ${Duration2.format(config.timeout)}`
      })
    }),
    Effect3.catchAll(
      (error) => Effect3.succeed({
        _tag: "NoAnswer",
        error: error._tag === "StytchTransportError" ? error : transportError(method, url, error)
      })
    )
  );
  const send2 = (request, endpoint2, url) => {
    const loop = (retry) => Effect3.flatMap(attempt(request, endpoint2.method, url), (result) => {
      if (retry >= config.maxRetries) return Effect3.succeed(result);
      const retryable = result._tag === "NoAnswer" ? endpoint2.retry === "transient" && result.error.reason !== "Encode" : result.status === 429 || endpoint2.retry === "transient" && TRANSIENT_STATUS.has(result.status);
      if (!retryable) return Effect3.succeed(result);
      return Effect3.gen(function* () {
        const now = yield* Effect3.clockWith((clock) => clock.currentTimeMillis);
        const delay = (result._tag === "Answer" ? retryAfter(result.headers, now) : void 0) ?? (yield* backoff(retry));
        yield* Effect3.logDebug("Stytch request will be retried").pipe(Effect3.annotateLogs({
          endpoint: endpoint2.id,
          method: endpoint2.method,
          url,
          status: result._tag === "Answer" ? result.status : result.error.reason,
          retry: retry + 1,
          delay: Duration2.format(delay)
        }));
        yield* Effect3.sleep(delay);
        return yield* loop(retry + 1);
      });
    });
    return loop(0);
  };
  const call = (endpoint2, input) => Effect3.gen(function* () {
    const host = endpoint2.host === "fraud" ? config.fraudBaseUrl : config.baseUrl;
    const encoded = yield* cached(encoders, endpoint2.request, Schema2.encodeUnknownEither)(
      input ?? {}
    ).pipe(
      Effect3.mapError(
        (error) => new StytchTransportError({
          reason: "Encode",
          method: endpoint2.method,
          url: host + endpoint2.path,
          detail: `invalid request: ${describeParseError(error)}`
        })
      )
    );
    const fields = { ...encoded };
    let path = endpoint2.path;
    for (const name of endpoint2.pathParams) {
      const value2 = fields[name];
      delete fields[name];
      if (typeof value2 !== "string" || value2 === "") {
        return yield* new StytchTransportError({
          reason: "Encode",
          method: endpoint2.method,
          url: host + endpoint2.path,
          detail: `invalid request: ${name} is required and must be a non-empty string`
        });
      }
      path = path.replace(`{${name}}`, encodeURIComponent(value2));
    }
    const url = host + path;
    let request = HttpClientRequest.make(endpoint2.method)(url, {
      headers: { "user-agent": userAgent, accept: "application/json" }
    });
    switch (endpoint2.fields) {
      case "body":
        request = HttpClientRequest.bodyText(request, JSON.stringify(fields), "application/json");
        break;
      case "emptyBody":
        request = HttpClientRequest.bodyText(request, "{}", "application/json");
        break;
      case "query": {
        const params = {};
        for (const [k, v] of Object.entries(fields)) if (v !== void 0) params[k] = String(v);
        request = HttpClientRequest.setUrlParams(request, params);
        break;
      }
    }
    const result = yield* send2(request, endpoint2, url);
    if (result._tag === "NoAnswer") return yield* result.error;
    const json2 = parseJson(result.body);
    const requestId = typeof json2 === "object" && json2 !== null && typeof json2.request_id === "string" ? json2.request_id : void 0;
    if (requestId !== void 0) yield* Effect3.annotateCurrentSpan("stytch.request_id", requestId);
    yield* Effect3.annotateCurrentSpan("http.response.status_code", result.status);
    const decodeError = (detail) => new StytchDecodeError({ status: result.status, request_id: requestId, method: endpoint2.method, url, detail });
    if (json2 === NOT_JSON) {
      return yield* decodeError(`the body is not JSON (${result.body.length} bytes)`);
    }
    if (result.status >= 400) {
      const body = decodeErrorBody(json2);
      if (body._tag === "Left") {
        return yield* decodeError(`HTTP ${result.status} without a Stytch error body`);
      }
      return yield* Effect3.fail(fromBody(body.right));
    }
    return yield* cached(decoders, endpoint2.response, Schema2.decodeUnknownEither)(json2).pipe(
      Effect3.mapError((error) => decodeError(`unexpected response: ${describeParseError(error)}`))
    );
  }).pipe(
    Effect3.withSpan(`Stytch.${endpoint2.id}`, {
      kind: "client",
      // A stack trace per call costs more than the rest of the span; the span name already says where.
      captureStackTrace: false,
      attributes: { "http.request.method": endpoint2.method, "url.template": endpoint2.path }
    })
  );
  return StytchHttp.of({ config, call });
});
var NOT_JSON = /* @__PURE__ */ Symbol("NotJson");
var parseJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
};
var layer2 = Layer2.effect(
  StytchHttp,
  make4
);

// src/internal/endpoint.ts
var endpoint = (e) => e;

// src/schemas/Models.ts
import * as S from "effect/Schema";
var NoRequest = S.Struct({}).annotations({ identifier: "NoRequest" });
var ASNProperties = S.suspend(
  () => S.Struct({
    asn: S.String,
    name: S.String,
    network: S.String
  }).annotations({ identifier: "ASNProperties" })
);
var AddressInformation = S.suspend(
  () => S.Struct({
    has_known_bounces: S.Boolean,
    has_valid_syntax: S.Boolean,
    is_suspected_role_address: S.Boolean,
    normalized_email: S.String,
    tumbling_character_count: S.Number
  }).annotations({ identifier: "AddressInformation" })
);
var AmazonOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "AmazonOAuthFactor" })
);
var AppleOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "AppleOAuthFactor" })
);
var Argon2Config = S.suspend(
  () => S.Struct({
    salt: S.String,
    iteration_amount: S.Number,
    memory: S.Number,
    threads: S.Number,
    key_length: S.Number
  }).annotations({ identifier: "Argon2Config" })
);
var Attributes = S.suspend(
  () => S.Struct({
    ip_address: S.optionalWith(S.String, { exact: true, nullable: true }),
    user_agent: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "Attributes" })
);
var AuthenticateTokenRequest = S.suspend(
  () => S.Struct({
    access_token: S.String,
    required_scopes: S.optional(S.Array(S.String)),
    max_token_age_seconds: S.optional(S.Number),
    clock_tolerance_seconds: S.optional(S.Number)
  }).annotations({ identifier: "AuthenticateTokenRequest" })
);
var AuthenticateTokenResponse = S.suspend(
  () => S.Struct({
    client_id: S.String,
    scopes: S.Array(S.String),
    custom_claims: S.Record({ key: S.String, value: S.Unknown })
  }).annotations({ identifier: "AuthenticateTokenResponse" })
);
var EmailFactor = S.suspend(
  () => S.Struct({
    email_id: S.String,
    email_address: S.String
  }).annotations({ identifier: "EmailFactor" })
);
var PhoneNumberFactor = S.suspend(
  () => S.Struct({
    phone_id: S.String,
    phone_number: S.String
  }).annotations({ identifier: "PhoneNumberFactor" })
);
var GoogleOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "GoogleOAuthFactor" })
);
var MicrosoftOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "MicrosoftOAuthFactor" })
);
var WebAuthnFactor = S.suspend(
  () => S.Struct({
    webauthn_registration_id: S.String,
    domain: S.String,
    user_agent: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "WebAuthnFactor" })
);
var AuthenticatorAppFactor = S.suspend(
  () => S.Struct({
    totp_id: S.String
  }).annotations({ identifier: "AuthenticatorAppFactor" })
);
var GithubOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "GithubOAuthFactor" })
);
var RecoveryCodeFactor = S.suspend(
  () => S.Struct({
    totp_recovery_code_id: S.String
  }).annotations({ identifier: "RecoveryCodeFactor" })
);
var FacebookOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "FacebookOAuthFactor" })
);
var CryptoWalletFactor = S.suspend(
  () => S.Struct({
    crypto_wallet_id: S.String,
    crypto_wallet_address: S.String,
    crypto_wallet_type: S.String
  }).annotations({ identifier: "CryptoWalletFactor" })
);
var BitbucketOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "BitbucketOAuthFactor" })
);
var CoinbaseOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "CoinbaseOAuthFactor" })
);
var DiscordOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "DiscordOAuthFactor" })
);
var FigmaOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "FigmaOAuthFactor" })
);
var GitLabOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "GitLabOAuthFactor" })
);
var InstagramOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "InstagramOAuthFactor" })
);
var LinkedInOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "LinkedInOAuthFactor" })
);
var ShopifyOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ShopifyOAuthFactor" })
);
var SlackOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SlackOAuthFactor" })
);
var SnapchatOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SnapchatOAuthFactor" })
);
var SpotifyOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SpotifyOAuthFactor" })
);
var SteamOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SteamOAuthFactor" })
);
var TikTokOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "TikTokOAuthFactor" })
);
var TwitchOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "TwitchOAuthFactor" })
);
var TwitterOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "TwitterOAuthFactor" })
);
var EmbeddableMagicLinkFactor = S.suspend(
  () => S.Struct({
    embedded_id: S.String
  }).annotations({ identifier: "EmbeddableMagicLinkFactor" })
);
var BiometricFactor = S.suspend(
  () => S.Struct({
    biometric_registration_id: S.String
  }).annotations({ identifier: "BiometricFactor" })
);
var SAMLSSOFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_id: S.String,
    external_id: S.String
  }).annotations({ identifier: "SAMLSSOFactor" })
);
var OIDCSSOFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_id: S.String,
    external_id: S.String
  }).annotations({ identifier: "OIDCSSOFactor" })
);
var SalesforceOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SalesforceOAuthFactor" })
);
var YahooOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "YahooOAuthFactor" })
);
var HubspotOAuthFactor = S.suspend(
  () => S.Struct({
    id: S.String,
    provider_subject: S.String,
    email_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "HubspotOAuthFactor" })
);
var SlackOAuthExchangeFactor = S.suspend(
  () => S.Struct({
    email_id: S.String
  }).annotations({ identifier: "SlackOAuthExchangeFactor" })
);
var HubspotOAuthExchangeFactor = S.suspend(
  () => S.Struct({
    email_id: S.String
  }).annotations({ identifier: "HubspotOAuthExchangeFactor" })
);
var GithubOAuthExchangeFactor = S.suspend(
  () => S.Struct({
    email_id: S.String
  }).annotations({ identifier: "GithubOAuthExchangeFactor" })
);
var GoogleOAuthExchangeFactor = S.suspend(
  () => S.Struct({
    email_id: S.String
  }).annotations({ identifier: "GoogleOAuthExchangeFactor" })
);
var ImpersonatedFactor = S.suspend(
  () => S.Struct({
    impersonator_id: S.String,
    impersonator_email_address: S.String
  }).annotations({ identifier: "ImpersonatedFactor" })
);
var OAuthAccessTokenExchangeFactor = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "OAuthAccessTokenExchangeFactor" })
);
var TrustedAuthTokenFactor = S.suspend(
  () => S.Struct({
    token_id: S.String
  }).annotations({ identifier: "TrustedAuthTokenFactor" })
);
var AuthenticationFactor = S.suspend(
  () => S.Struct({
    type: S.String,
    delivery_method: S.String,
    last_authenticated_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    updated_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    email_factor: S.optionalWith(EmailFactor, { exact: true, nullable: true }),
    phone_number_factor: S.optionalWith(PhoneNumberFactor, { exact: true, nullable: true }),
    google_oauth_factor: S.optionalWith(GoogleOAuthFactor, { exact: true, nullable: true }),
    microsoft_oauth_factor: S.optionalWith(MicrosoftOAuthFactor, { exact: true, nullable: true }),
    apple_oauth_factor: S.optionalWith(AppleOAuthFactor, { exact: true, nullable: true }),
    webauthn_factor: S.optionalWith(WebAuthnFactor, { exact: true, nullable: true }),
    authenticator_app_factor: S.optionalWith(AuthenticatorAppFactor, { exact: true, nullable: true }),
    github_oauth_factor: S.optionalWith(GithubOAuthFactor, { exact: true, nullable: true }),
    recovery_code_factor: S.optionalWith(RecoveryCodeFactor, { exact: true, nullable: true }),
    facebook_oauth_factor: S.optionalWith(FacebookOAuthFactor, { exact: true, nullable: true }),
    crypto_wallet_factor: S.optionalWith(CryptoWalletFactor, { exact: true, nullable: true }),
    amazon_oauth_factor: S.optionalWith(AmazonOAuthFactor, { exact: true, nullable: true }),
    bitbucket_oauth_factor: S.optionalWith(BitbucketOAuthFactor, { exact: true, nullable: true }),
    coinbase_oauth_factor: S.optionalWith(CoinbaseOAuthFactor, { exact: true, nullable: true }),
    discord_oauth_factor: S.optionalWith(DiscordOAuthFactor, { exact: true, nullable: true }),
    figma_oauth_factor: S.optionalWith(FigmaOAuthFactor, { exact: true, nullable: true }),
    git_lab_oauth_factor: S.optionalWith(GitLabOAuthFactor, { exact: true, nullable: true }),
    instagram_oauth_factor: S.optionalWith(InstagramOAuthFactor, { exact: true, nullable: true }),
    linked_in_oauth_factor: S.optionalWith(LinkedInOAuthFactor, { exact: true, nullable: true }),
    shopify_oauth_factor: S.optionalWith(ShopifyOAuthFactor, { exact: true, nullable: true }),
    slack_oauth_factor: S.optionalWith(SlackOAuthFactor, { exact: true, nullable: true }),
    snapchat_oauth_factor: S.optionalWith(SnapchatOAuthFactor, { exact: true, nullable: true }),
    spotify_oauth_factor: S.optionalWith(SpotifyOAuthFactor, { exact: true, nullable: true }),
    steam_oauth_factor: S.optionalWith(SteamOAuthFactor, { exact: true, nullable: true }),
    tik_tok_oauth_factor: S.optionalWith(TikTokOAuthFactor, { exact: true, nullable: true }),
    twitch_oauth_factor: S.optionalWith(TwitchOAuthFactor, { exact: true, nullable: true }),
    twitter_oauth_factor: S.optionalWith(TwitterOAuthFactor, { exact: true, nullable: true }),
    embeddable_magic_link_factor: S.optionalWith(EmbeddableMagicLinkFactor, { exact: true, nullable: true }),
    biometric_factor: S.optionalWith(BiometricFactor, { exact: true, nullable: true }),
    saml_sso_factor: S.optionalWith(SAMLSSOFactor, { exact: true, nullable: true }),
    oidc_sso_factor: S.optionalWith(OIDCSSOFactor, { exact: true, nullable: true }),
    salesforce_oauth_factor: S.optionalWith(SalesforceOAuthFactor, { exact: true, nullable: true }),
    yahoo_oauth_factor: S.optionalWith(YahooOAuthFactor, { exact: true, nullable: true }),
    hubspot_oauth_factor: S.optionalWith(HubspotOAuthFactor, { exact: true, nullable: true }),
    slack_oauth_exchange_factor: S.optionalWith(SlackOAuthExchangeFactor, { exact: true, nullable: true }),
    hubspot_oauth_exchange_factor: S.optionalWith(HubspotOAuthExchangeFactor, { exact: true, nullable: true }),
    github_oauth_exchange_factor: S.optionalWith(GithubOAuthExchangeFactor, { exact: true, nullable: true }),
    google_oauth_exchange_factor: S.optionalWith(GoogleOAuthExchangeFactor, { exact: true, nullable: true }),
    impersonated_factor: S.optionalWith(ImpersonatedFactor, { exact: true, nullable: true }),
    oauth_access_token_exchange_factor: S.optionalWith(OAuthAccessTokenExchangeFactor, { exact: true, nullable: true }),
    trusted_auth_token_factor: S.optionalWith(TrustedAuthTokenFactor, { exact: true, nullable: true })
  }).annotations({ identifier: "AuthenticationFactor" })
);
var BiometricRegistration = S.suspend(
  () => S.Struct({
    biometric_registration_id: S.String,
    verified: S.Boolean
  }).annotations({ identifier: "BiometricRegistration" })
);
var BrowserProperties = S.suspend(
  () => S.Struct({
    user_agent: S.String
  }).annotations({ identifier: "BrowserProperties" })
);
var ConnectedApp = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    full_access_allowed: S.Boolean,
    client_type: S.String,
    redirect_urls: S.Array(S.String),
    access_token_expiry_minutes: S.Number,
    access_token_template_content: S.String,
    post_logout_redirect_urls: S.Array(S.String),
    bypass_consent_for_offline_access: S.Boolean,
    creation_method: S.String,
    client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true }),
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true }),
    access_token_custom_audience: S.optionalWith(S.String, { exact: true, nullable: true }),
    logo_url: S.optionalWith(S.String, { exact: true, nullable: true }),
    client_id_metadata_url: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ConnectedApp" })
);
var ConnectedAppPublic = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.String,
    client_description: S.String,
    client_type: S.String,
    logo_url: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ConnectedAppPublic" })
);
var ConnectedAppWithClientSecret = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    full_access_allowed: S.Boolean,
    client_type: S.String,
    redirect_urls: S.Array(S.String),
    access_token_expiry_minutes: S.Number,
    access_token_template_content: S.String,
    post_logout_redirect_urls: S.Array(S.String),
    bypass_consent_for_offline_access: S.Boolean,
    client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true }),
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true }),
    client_secret: S.optionalWith(S.String, { exact: true, nullable: true }),
    access_token_custom_audience: S.optionalWith(S.String, { exact: true, nullable: true }),
    logo_url: S.optionalWith(S.String, { exact: true, nullable: true }),
    client_id_metadata_url: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ConnectedAppWithClientSecret" })
);
var ConnectedAppWithNextClientSecret = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    client_secret_last_four: S.String,
    full_access_allowed: S.Boolean,
    client_type: S.String,
    redirect_urls: S.Array(S.String),
    next_client_secret: S.String,
    access_token_expiry_minutes: S.Number,
    access_token_template_content: S.String,
    post_logout_redirect_urls: S.Array(S.String),
    bypass_consent_for_offline_access: S.Boolean,
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true }),
    access_token_custom_audience: S.optionalWith(S.String, { exact: true, nullable: true }),
    logo_url: S.optionalWith(S.String, { exact: true, nullable: true }),
    client_id_metadata_url: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ConnectedAppWithNextClientSecret" })
);
var ConnectedAppsClientsCreateRequest = S.suspend(
  () => S.Struct({
    client_type: S.String,
    client_name: S.optional(S.String),
    client_description: S.optional(S.String),
    redirect_urls: S.optional(S.Array(S.String)),
    full_access_allowed: S.optional(S.Boolean),
    access_token_expiry_minutes: S.optional(S.Number),
    access_token_custom_audience: S.optional(S.String),
    access_token_template_content: S.optional(S.String),
    post_logout_redirect_urls: S.optional(S.Array(S.String)),
    logo_url: S.optional(S.String),
    bypass_consent_for_offline_access: S.optional(S.Boolean)
  }).annotations({ identifier: "ConnectedAppsClientsCreateRequest" })
);
var ConnectedAppsClientsCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedAppWithClientSecret,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsCreateResponse" })
);
var ConnectedAppsClientsDeleteRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "ConnectedAppsClientsDeleteRequest" })
);
var ConnectedAppsClientsDeleteResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    client_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsDeleteResponse" })
);
var ConnectedAppsClientsGetRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "ConnectedAppsClientsGetRequest" })
);
var ConnectedAppsClientsGetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedApp,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsGetResponse" })
);
var ConnectedAppsClientsSearchRequest = S.suspend(
  () => S.Struct({
    cursor: S.optional(S.String),
    limit: S.optional(S.Number)
  }).annotations({ identifier: "ConnectedAppsClientsSearchRequest" })
);
var ConnectedAppsResultsMetadata = S.suspend(
  () => S.Struct({
    total: S.Number,
    next_cursor: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "ConnectedAppsResultsMetadata" })
);
var ConnectedAppsClientsSearchResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_apps: S.Array(ConnectedApp),
    results_metadata: ConnectedAppsResultsMetadata,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsSearchResponse" })
);
var ConnectedAppsClientsSecretsRotateCancelRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateCancelRequest" })
);
var ConnectedAppsClientsSecretsRotateCancelResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedApp,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateCancelResponse" })
);
var ConnectedAppsClientsSecretsRotateRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateRequest" })
);
var ConnectedAppsClientsSecretsRotateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedApp,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateResponse" })
);
var ConnectedAppsClientsSecretsRotateStartRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateStartRequest" })
);
var ConnectedAppsClientsSecretsRotateStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedAppWithNextClientSecret,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsSecretsRotateStartResponse" })
);
var ConnectedAppsClientsUpdateRequest = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.optional(S.String),
    client_description: S.optional(S.String),
    redirect_urls: S.optional(S.Array(S.String)),
    full_access_allowed: S.optional(S.Boolean),
    access_token_expiry_minutes: S.optional(S.Number),
    access_token_custom_audience: S.optional(S.String),
    access_token_template_content: S.optional(S.String),
    post_logout_redirect_urls: S.optional(S.Array(S.String)),
    logo_url: S.optional(S.String),
    bypass_consent_for_offline_access: S.optional(S.Boolean)
  }).annotations({ identifier: "ConnectedAppsClientsUpdateRequest" })
);
var ConnectedAppsClientsUpdateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_app: ConnectedApp,
    status_code: S.Number
  }).annotations({ identifier: "ConnectedAppsClientsUpdateResponse" })
);
var CryptoWallet = S.suspend(
  () => S.Struct({
    crypto_wallet_id: S.String,
    crypto_wallet_address: S.String,
    crypto_wallet_type: S.String,
    verified: S.Boolean
  }).annotations({ identifier: "CryptoWallet" })
);
var CryptoWalletsAuthenticateRequest = S.suspend(
  () => S.Struct({
    crypto_wallet_type: S.String,
    crypto_wallet_address: S.String,
    signature: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "CryptoWalletsAuthenticateRequest" })
);
var UsersEmail = S.suspend(
  () => S.Struct({
    email_id: S.String,
    email: S.String,
    verified: S.Boolean
  }).annotations({ identifier: "UsersEmail" })
);
var UsersPhoneNumber = S.suspend(
  () => S.Struct({
    phone_id: S.String,
    phone_number: S.String,
    verified: S.Boolean
  }).annotations({ identifier: "UsersPhoneNumber" })
);
var WebAuthnRegistration = S.suspend(
  () => S.Struct({
    webauthn_registration_id: S.String,
    domain: S.String,
    user_agent: S.String,
    verified: S.Boolean,
    authenticator_type: S.String,
    name: S.String
  }).annotations({ identifier: "WebAuthnRegistration" })
);
var OAuthProvider = S.suspend(
  () => S.Struct({
    provider_type: S.String,
    provider_subject: S.String,
    profile_picture_url: S.String,
    locale: S.String,
    oauth_user_registration_id: S.String
  }).annotations({ identifier: "OAuthProvider" })
);
var TOTP = S.suspend(
  () => S.Struct({
    totp_id: S.String,
    verified: S.Boolean
  }).annotations({ identifier: "TOTP" })
);
var UsersName = S.suspend(
  () => S.Struct({
    first_name: S.optionalWith(S.String, { exact: true, nullable: true }),
    middle_name: S.optionalWith(S.String, { exact: true, nullable: true }),
    last_name: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "UsersName" })
);
var Password = S.suspend(
  () => S.Struct({
    password_id: S.String,
    requires_reset: S.Boolean
  }).annotations({ identifier: "Password" })
);
var User = S.suspend(
  () => S.Struct({
    user_id: S.String,
    emails: S.Array(UsersEmail),
    status: S.String,
    phone_numbers: S.Array(UsersPhoneNumber),
    webauthn_registrations: S.Array(WebAuthnRegistration),
    providers: S.Array(OAuthProvider),
    totps: S.Array(TOTP),
    crypto_wallets: S.Array(CryptoWallet),
    biometric_registrations: S.Array(BiometricRegistration),
    is_locked: S.Boolean,
    roles: S.Array(S.String),
    name: S.optionalWith(UsersName, { exact: true, nullable: true }),
    created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    password: S.optionalWith(Password, { exact: true, nullable: true }),
    trusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    untrusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    external_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    lock_created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    lock_expires_at: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "User" })
);
var Session = S.suspend(
  () => S.Struct({
    session_id: S.String,
    user_id: S.String,
    authentication_factors: S.Array(AuthenticationFactor),
    roles: S.Array(S.String),
    started_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    last_accessed_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    expires_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    attributes: S.optionalWith(Attributes, { exact: true, nullable: true }),
    custom_claims: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true })
  }).annotations({ identifier: "Session" })
);
var CryptoWalletsSIWEParamsResponse = S.suspend(
  () => S.Struct({
    domain: S.String,
    uri: S.String,
    chain_id: S.String,
    resources: S.Array(S.String),
    status_code: S.Number,
    issued_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    message_request_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "CryptoWalletsSIWEParamsResponse" })
);
var DeviceAttributeDetails = S.suspend(
  () => S.Struct({
    is_new: S.Boolean,
    first_seen_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    last_seen_at: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "DeviceAttributeDetails" })
);
var DeviceInfo = S.suspend(
  () => S.Struct({
    visitor_id: S.String,
    visitor_id_details: S.optionalWith(DeviceAttributeDetails, { exact: true, nullable: true }),
    ip_address: S.optionalWith(S.String, { exact: true, nullable: true }),
    ip_address_details: S.optionalWith(DeviceAttributeDetails, { exact: true, nullable: true }),
    ip_geo_city: S.optionalWith(S.String, { exact: true, nullable: true }),
    ip_geo_region: S.optionalWith(S.String, { exact: true, nullable: true }),
    ip_geo_country: S.optionalWith(S.String, { exact: true, nullable: true }),
    ip_geo_country_details: S.optionalWith(DeviceAttributeDetails, { exact: true, nullable: true })
  }).annotations({ identifier: "DeviceInfo" })
);
var CryptoWalletsAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    siwe_params: S.optionalWith(CryptoWalletsSIWEParamsResponse, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "CryptoWalletsAuthenticateResponse" })
);
var SIWEParams = S.suspend(
  () => S.Struct({
    domain: S.String,
    uri: S.String,
    resources: S.Array(S.String),
    chain_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    statement: S.optionalWith(S.String, { exact: true, nullable: true }),
    issued_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    not_before: S.optionalWith(S.String, { exact: true, nullable: true }),
    message_request_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "SIWEParams" })
);
var CryptoWalletsAuthenticateStartRequest = S.suspend(
  () => S.Struct({
    crypto_wallet_type: S.String,
    crypto_wallet_address: S.String,
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    siwe_params: S.optional(SIWEParams)
  }).annotations({ identifier: "CryptoWalletsAuthenticateStartRequest" })
);
var CryptoWalletsAuthenticateStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    challenge: S.String,
    user_created: S.Boolean,
    status_code: S.Number
  }).annotations({ identifier: "CryptoWalletsAuthenticateStartResponse" })
);
var DebugWhoamiResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    project_id: S.String,
    name: S.String,
    status_code: S.Number
  }).annotations({ identifier: "DebugWhoamiResponse" })
);
var DomainInformation = S.suspend(
  () => S.Struct({
    has_mx_or_a_record: S.Boolean,
    is_disposable_domain: S.Boolean
  }).annotations({ identifier: "DomainInformation" })
);
var LUDSRequirements = S.suspend(
  () => S.Struct({
    has_lower_case: S.Boolean,
    has_upper_case: S.Boolean,
    has_digit: S.Boolean,
    has_symbol: S.Boolean,
    missing_complexity: S.Number,
    missing_characters: S.Number
  }).annotations({ identifier: "LUDSRequirements" })
);
var Feedback = S.suspend(
  () => S.Struct({
    warning: S.String,
    suggestions: S.Array(S.String),
    luds_requirements: S.optionalWith(LUDSRequirements, { exact: true, nullable: true })
  }).annotations({ identifier: "Feedback" })
);
var Fingerprints = S.suspend(
  () => S.Struct({
    network_fingerprint: S.String,
    hardware_fingerprint: S.String,
    browser_fingerprint: S.String,
    visitor_fingerprint: S.String,
    visitor_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    browser_id: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "Fingerprints" })
);
var FraudEmailRiskRequest = S.suspend(
  () => S.Struct({
    email_address: S.String
  }).annotations({ identifier: "FraudEmailRiskRequest" })
);
var FraudEmailRiskResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    address_information: AddressInformation,
    domain_information: DomainInformation,
    action: S.String,
    risk_score: S.Number,
    status_code: S.Number
  }).annotations({ identifier: "FraudEmailRiskResponse" })
);
var Metadata = S.suspend(
  () => S.Struct({
    external_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    organization_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    user_action: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "Metadata" })
);
var FraudFingerprintLookupRequest = S.suspend(
  () => S.Struct({
    telemetry_id: S.String,
    external_metadata: S.optional(Metadata)
  }).annotations({ identifier: "FraudFingerprintLookupRequest" })
);
var VerdictReasonOverride = S.suspend(
  () => S.Struct({
    verdict_reason: S.String,
    override_action: S.String
  }).annotations({ identifier: "VerdictReasonOverride" })
);
var Verdict = S.suspend(
  () => S.Struct({
    action: S.String,
    reasons: S.Array(S.String),
    detected_device_type: S.String,
    is_authentic_device: S.Boolean,
    verdict_reason_overrides: S.Array(VerdictReasonOverride),
    rule_match_type: S.optionalWith(S.String, { exact: true, nullable: true }),
    rule_match_identifier: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "Verdict" })
);
var IPGeoProperties = S.suspend(
  () => S.Struct({
    city: S.String,
    region: S.String,
    country: S.String
  }).annotations({ identifier: "IPGeoProperties" })
);
var NetworkProperties = S.suspend(
  () => S.Struct({
    ip_address: S.String,
    asn: ASNProperties,
    ip_geolocation: IPGeoProperties,
    is_proxy: S.Boolean,
    is_vpn: S.Boolean
  }).annotations({ identifier: "NetworkProperties" })
);
var Properties = S.suspend(
  () => S.Struct({
    network_properties: NetworkProperties,
    browser_properties: BrowserProperties
  }).annotations({ identifier: "Properties" })
);
var FraudFingerprintLookupResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    telemetry_id: S.String,
    fingerprints: Fingerprints,
    verdict: Verdict,
    external_metadata: Metadata,
    created_at: S.String,
    expires_at: S.String,
    status_code: S.Number,
    properties: S.optionalWith(Properties, { exact: true, nullable: true }),
    raw_signals: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true })
  }).annotations({ identifier: "FraudFingerprintLookupResponse" })
);
var FraudRulesListRequest = S.suspend(
  () => S.Struct({
    cursor: S.optional(S.String),
    limit: S.optional(S.Number)
  }).annotations({ identifier: "FraudRulesListRequest" })
);
var Rule = S.suspend(
  () => S.Struct({
    rule_type: S.String,
    action: S.String,
    created_at: S.String,
    visitor_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    browser_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    visitor_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    browser_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    hardware_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    network_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    cidr_block: S.optionalWith(S.String, { exact: true, nullable: true }),
    country_code: S.optionalWith(S.String, { exact: true, nullable: true }),
    asn: S.optionalWith(S.String, { exact: true, nullable: true }),
    description: S.optionalWith(S.String, { exact: true, nullable: true }),
    expires_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    last_updated_at: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "Rule" })
);
var FraudRulesListResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    next_cursor: S.String,
    rules: S.Array(Rule),
    status_code: S.Number
  }).annotations({ identifier: "FraudRulesListResponse" })
);
var FraudRulesSetRequest = S.suspend(
  () => S.Struct({
    action: S.String,
    visitor_id: S.optional(S.String),
    browser_id: S.optional(S.String),
    visitor_fingerprint: S.optional(S.String),
    browser_fingerprint: S.optional(S.String),
    hardware_fingerprint: S.optional(S.String),
    network_fingerprint: S.optional(S.String),
    expires_in_minutes: S.optional(S.Number),
    description: S.optional(S.String),
    cidr_block: S.optional(S.String),
    country_code: S.optional(S.String),
    asn: S.optional(S.String)
  }).annotations({ identifier: "FraudRulesSetRequest" })
);
var FraudRulesSetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    action: S.String,
    status_code: S.Number,
    visitor_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    browser_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    visitor_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    browser_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    hardware_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    network_fingerprint: S.optionalWith(S.String, { exact: true, nullable: true }),
    expires_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    cidr_block: S.optionalWith(S.String, { exact: true, nullable: true }),
    country_code: S.optionalWith(S.String, { exact: true, nullable: true }),
    asn: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "FraudRulesSetResponse" })
);
var FraudVerdictReasonsListRequest = S.suspend(
  () => S.Struct({
    overrides_only: S.optional(S.Boolean)
  }).annotations({ identifier: "FraudVerdictReasonsListRequest" })
);
var VerdictReasonAction = S.suspend(
  () => S.Struct({
    verdict_reason: S.String,
    default_action: S.String,
    override_action: S.optionalWith(S.String, { exact: true, nullable: true }),
    override_created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    override_description: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "VerdictReasonAction" })
);
var FraudVerdictReasonsListResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    verdict_reason_actions: S.Array(VerdictReasonAction),
    status_code: S.Number
  }).annotations({ identifier: "FraudVerdictReasonsListResponse" })
);
var FraudVerdictReasonsOverrideRequest = S.suspend(
  () => S.Struct({
    verdict_reason: S.String,
    override_action: S.String,
    override_description: S.optional(S.String)
  }).annotations({ identifier: "FraudVerdictReasonsOverrideRequest" })
);
var FraudVerdictReasonsOverrideResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    verdict_reason_action: VerdictReasonAction,
    status_code: S.Number
  }).annotations({ identifier: "FraudVerdictReasonsOverrideResponse" })
);
var IDPOAuthAuthorizeRequest = S.suspend(
  () => S.Struct({
    consent_granted: S.Boolean,
    scopes: S.Array(S.String),
    client_id: S.String,
    redirect_uri: S.String,
    response_type: S.String,
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    prompt: S.optional(S.String),
    state: S.optional(S.String),
    nonce: S.optional(S.String),
    code_challenge: S.optional(S.String),
    resources: S.optional(S.Array(S.String))
  }).annotations({ identifier: "IDPOAuthAuthorizeRequest" })
);
var IDPOAuthAuthorizeResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    redirect_uri: S.String,
    status_code: S.Number,
    authorization_code: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "IDPOAuthAuthorizeResponse" })
);
var IDPOAuthAuthorizeStartRequest = S.suspend(
  () => S.Struct({
    client_id: S.String,
    redirect_uri: S.String,
    response_type: S.String,
    scopes: S.Array(S.String),
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    prompt: S.optional(S.String)
  }).annotations({ identifier: "IDPOAuthAuthorizeStartRequest" })
);
var IDPScopeResult = S.suspend(
  () => S.Struct({
    scope: S.String,
    description: S.String,
    is_grantable: S.Boolean
  }).annotations({ identifier: "IDPScopeResult" })
);
var IDPOAuthAuthorizeStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    client: ConnectedAppPublic,
    consent_required: S.Boolean,
    scope_results: S.Array(IDPScopeResult),
    status_code: S.Number
  }).annotations({ identifier: "IDPOAuthAuthorizeStartResponse" })
);
var ImpersonationAuthenticateRequest = S.suspend(
  () => S.Struct({
    impersonation_token: S.String
  }).annotations({ identifier: "ImpersonationAuthenticateRequest" })
);
var ImpersonationAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    session_token: S.String,
    session_jwt: S.String,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true })
  }).annotations({ identifier: "ImpersonationAuthenticateResponse" })
);
var IntrospectTokenActiveResponse = S.suspend(
  () => S.Struct({
    active: S.Literal(true),
    request_id: S.String,
    status_code: S.Number,
    sub: S.optionalWith(S.String, { exact: true, nullable: true }),
    scope: S.optionalWith(S.String, { exact: true, nullable: true }),
    aud: S.optionalWith(S.Array(S.String), { exact: true, nullable: true }),
    exp: S.optionalWith(S.Number, { exact: true, nullable: true }),
    iat: S.optionalWith(S.Number, { exact: true, nullable: true }),
    iss: S.optionalWith(S.String, { exact: true, nullable: true }),
    nbf: S.optionalWith(S.Number, { exact: true, nullable: true }),
    client_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    token_type: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "IntrospectTokenActiveResponse" })
);
var IntrospectTokenClaims = S.suspend(
  () => S.Struct({
    subject: S.String,
    scope: S.String,
    custom_claims: S.Record({ key: S.String, value: S.Unknown }),
    audience: S.Union(S.String, S.Array(S.String)),
    expires_at: S.Number,
    issued_at: S.Number,
    issuer: S.String,
    not_before: S.Number,
    token_type: S.String
  }).annotations({ identifier: "IntrospectTokenClaims" })
);
var IntrospectTokenInactiveResponse = S.suspend(
  () => S.Struct({
    active: S.Boolean,
    request_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "IntrospectTokenInactiveResponse" })
);
var IntrospectTokenRequest = S.suspend(
  () => S.Struct({
    token: S.String,
    client_id: S.String,
    client_secret: S.optional(S.String),
    token_type_hint: S.optional(S.String)
  }).annotations({ identifier: "IntrospectTokenRequest" })
);
var IntrospectTokenResponse = S.suspend(
  () => S.Union(IntrospectTokenActiveResponse, IntrospectTokenInactiveResponse).annotations({ identifier: "IntrospectTokenResponse" })
);
var JWK = S.suspend(
  () => S.Struct({
    kty: S.String,
    use: S.optionalWith(S.String, { exact: true, nullable: true }),
    key_ops: S.optionalWith(S.Array(S.String), { exact: true, nullable: true }),
    alg: S.optionalWith(S.String, { exact: true, nullable: true }),
    kid: S.String,
    x5c: S.optionalWith(S.Array(S.String), { exact: true, nullable: true }),
    x5tS256: S.optionalWith(S.String, { exact: true, nullable: true }),
    n: S.String,
    e: S.String
  }).annotations({ identifier: "JWK" })
);
var M2MClient = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    scopes: S.Array(S.String),
    client_secret_last_four: S.String,
    trusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "M2MClient" })
);
var M2MClientWithClientSecret = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_secret: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    scopes: S.Array(S.String),
    client_secret_last_four: S.String,
    trusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "M2MClientWithClientSecret" })
);
var M2MClientWithNextClientSecret = S.suspend(
  () => S.Struct({
    client_id: S.String,
    next_client_secret: S.String,
    client_name: S.String,
    client_description: S.String,
    status: S.String,
    scopes: S.Array(S.String),
    client_secret_last_four: S.String,
    trusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    next_client_secret_last_four: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "M2MClientWithNextClientSecret" })
);
var M2MClientsCreateRequest = S.suspend(
  () => S.Struct({
    scopes: S.Array(S.String),
    client_id: S.optional(S.String),
    client_secret: S.optional(S.String),
    client_name: S.optional(S.String),
    client_description: S.optional(S.String),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown }))
  }).annotations({ identifier: "M2MClientsCreateRequest" })
);
var M2MClientsCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClientWithClientSecret,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsCreateResponse" })
);
var M2MClientsDeleteRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "M2MClientsDeleteRequest" })
);
var M2MClientsDeleteResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    client_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsDeleteResponse" })
);
var M2MClientsGetRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "M2MClientsGetRequest" })
);
var M2MClientsGetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClient,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsGetResponse" })
);
var M2MSearchQueryOperand = S.suspend(
  () => S.Union(S.Struct({
    filter_name: S.Literal("client_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("client_name"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("scopes"),
    filter_value: S.Array(S.String)
  })).annotations({ identifier: "M2MSearchQueryOperand" })
);
var M2MSearchQuery = S.suspend(
  () => S.Struct({
    operator: S.String,
    operands: S.Array(M2MSearchQueryOperand)
  }).annotations({ identifier: "M2MSearchQuery" })
);
var M2MClientsSearchRequest = S.suspend(
  () => S.Struct({
    cursor: S.optional(S.String),
    limit: S.optional(S.Number),
    query: S.optional(M2MSearchQuery)
  }).annotations({ identifier: "M2MClientsSearchRequest" })
);
var M2MResultsMetadata = S.suspend(
  () => S.Struct({
    total: S.Number,
    next_cursor: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "M2MResultsMetadata" })
);
var M2MClientsSearchResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_clients: S.Array(M2MClient),
    results_metadata: M2MResultsMetadata,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsSearchResponse" })
);
var M2MClientsSecretsRotateCancelRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "M2MClientsSecretsRotateCancelRequest" })
);
var M2MClientsSecretsRotateCancelResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClient,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsSecretsRotateCancelResponse" })
);
var M2MClientsSecretsRotateRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "M2MClientsSecretsRotateRequest" })
);
var M2MClientsSecretsRotateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClient,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsSecretsRotateResponse" })
);
var M2MClientsSecretsRotateStartRequest = S.suspend(
  () => S.Struct({
    client_id: S.String
  }).annotations({ identifier: "M2MClientsSecretsRotateStartRequest" })
);
var M2MClientsSecretsRotateStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClientWithNextClientSecret,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsSecretsRotateStartResponse" })
);
var M2MClientsUpdateRequest = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_name: S.optional(S.String),
    client_description: S.optional(S.String),
    status: S.optional(S.String),
    scopes: S.optional(S.Array(S.String)),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown }))
  }).annotations({ identifier: "M2MClientsUpdateRequest" })
);
var M2MClientsUpdateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    m2m_client: M2MClient,
    status_code: S.Number
  }).annotations({ identifier: "M2MClientsUpdateResponse" })
);
var MD5Config = S.suspend(
  () => S.Struct({
    prepend_salt: S.String,
    append_salt: S.String
  }).annotations({ identifier: "MD5Config" })
);
var Options = S.suspend(
  () => S.Struct({
    ip_match_required: S.Boolean,
    user_agent_match_required: S.Boolean
  }).annotations({ identifier: "Options" })
);
var MagicLinksAuthenticateRequest = S.suspend(
  () => S.Struct({
    token: S.String,
    attributes: S.optional(Attributes),
    options: S.optional(Options),
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    code_verifier: S.optional(S.String),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "MagicLinksAuthenticateRequest" })
);
var MagicLinksAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    method_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    reset_sessions: S.Boolean,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "MagicLinksAuthenticateResponse" })
);
var MagicLinksCreateRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes)
  }).annotations({ identifier: "MagicLinksCreateRequest" })
);
var MagicLinksCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    token: S.String,
    status_code: S.Number
  }).annotations({ identifier: "MagicLinksCreateResponse" })
);
var MagicLinksEmailInviteRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    invite_template_id: S.optional(S.String),
    attributes: S.optional(Attributes),
    name: S.optional(UsersName),
    invite_magic_link_url: S.optional(S.String),
    invite_expiration_minutes: S.optional(S.Number),
    locale: S.optional(S.String),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    untrusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown }))
  }).annotations({ identifier: "MagicLinksEmailInviteRequest" })
);
var MagicLinksEmailInviteResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "MagicLinksEmailInviteResponse" })
);
var MagicLinksEmailLoginOrCreateRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    login_magic_link_url: S.optional(S.String),
    signup_magic_link_url: S.optional(S.String),
    login_expiration_minutes: S.optional(S.Number),
    signup_expiration_minutes: S.optional(S.Number),
    login_template_id: S.optional(S.String),
    signup_template_id: S.optional(S.String),
    attributes: S.optional(Attributes),
    create_user_as_pending: S.optional(S.Boolean),
    code_challenge: S.optional(S.String),
    locale: S.optional(S.String)
  }).annotations({ identifier: "MagicLinksEmailLoginOrCreateRequest" })
);
var MagicLinksEmailLoginOrCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    user_created: S.Boolean,
    status_code: S.Number
  }).annotations({ identifier: "MagicLinksEmailLoginOrCreateResponse" })
);
var MagicLinksEmailRevokeInviteRequest = S.suspend(
  () => S.Struct({
    email: S.String
  }).annotations({ identifier: "MagicLinksEmailRevokeInviteRequest" })
);
var MagicLinksEmailRevokeInviteResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "MagicLinksEmailRevokeInviteResponse" })
);
var MagicLinksEmailSendRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    login_template_id: S.optional(S.String),
    attributes: S.optional(Attributes),
    login_magic_link_url: S.optional(S.String),
    signup_magic_link_url: S.optional(S.String),
    login_expiration_minutes: S.optional(S.Number),
    signup_expiration_minutes: S.optional(S.Number),
    code_challenge: S.optional(S.String),
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    locale: S.optional(S.String),
    signup_template_id: S.optional(S.String)
  }).annotations({ identifier: "MagicLinksEmailSendRequest" })
);
var MagicLinksEmailSendResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "MagicLinksEmailSendResponse" })
);
var OAuth2ErrorJSON = S.suspend(
  () => S.Struct({
    status_code: S.Number,
    request_id: S.String,
    error: S.String,
    error_description: S.String,
    error_uri: S.String
  }).annotations({ identifier: "OAuth2ErrorJSON" })
);
var OAuthAttachRequest = S.suspend(
  () => S.Struct({
    provider: S.String,
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String)
  }).annotations({ identifier: "OAuthAttachRequest" })
);
var OAuthAttachResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    oauth_attach_token: S.String,
    status_code: S.Number
  }).annotations({ identifier: "OAuthAttachResponse" })
);
var OAuthAuthenticateRequest = S.suspend(
  () => S.Struct({
    token: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    code_verifier: S.optional(S.String),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "OAuthAuthenticateRequest" })
);
var OAuthProviderValues = S.suspend(
  () => S.Struct({
    access_token: S.String,
    refresh_token: S.String,
    id_token: S.String,
    scopes: S.Array(S.String),
    expires_at: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "OAuthProviderValues" })
);
var OAuthAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    provider_subject: S.String,
    provider_type: S.String,
    session_token: S.String,
    session_jwt: S.String,
    provider_values: OAuthProviderValues,
    user: User,
    reset_sessions: S.Boolean,
    oauth_user_registration_id: S.String,
    status_code: S.Number,
    user_session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "OAuthAuthenticateResponse" })
);
var OTPsAuthenticateRequest = S.suspend(
  () => S.Struct({
    method_id: S.String,
    code: S.String,
    attributes: S.optional(Attributes),
    options: S.optional(Options),
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "OTPsAuthenticateRequest" })
);
var OTPsAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    method_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    reset_sessions: S.Boolean,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "OTPsAuthenticateResponse" })
);
var OTPsEmailLoginOrCreateRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    create_user_as_pending: S.optional(S.Boolean),
    locale: S.optional(S.String),
    login_template_id: S.optional(S.String),
    signup_template_id: S.optional(S.String)
  }).annotations({ identifier: "OTPsEmailLoginOrCreateRequest" })
);
var OTPsEmailLoginOrCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    user_created: S.Boolean,
    status_code: S.Number
  }).annotations({ identifier: "OTPsEmailLoginOrCreateResponse" })
);
var OTPsEmailSendRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    locale: S.optional(S.String),
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    login_template_id: S.optional(S.String),
    signup_template_id: S.optional(S.String)
  }).annotations({ identifier: "OTPsEmailSendRequest" })
);
var OTPsEmailSendResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "OTPsEmailSendResponse" })
);
var OTPsSmsLoginOrCreateRequest = S.suspend(
  () => S.Struct({
    phone_number: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    create_user_as_pending: S.optional(S.Boolean),
    locale: S.optional(S.String)
  }).annotations({ identifier: "OTPsSmsLoginOrCreateRequest" })
);
var OTPsSmsLoginOrCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    phone_id: S.String,
    user_created: S.Boolean,
    status_code: S.Number
  }).annotations({ identifier: "OTPsSmsLoginOrCreateResponse" })
);
var OTPsSmsSendRequest = S.suspend(
  () => S.Struct({
    phone_number: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    locale: S.optional(S.String),
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String)
  }).annotations({ identifier: "OTPsSmsSendRequest" })
);
var OTPsSmsSendResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    phone_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "OTPsSmsSendResponse" })
);
var OTPsWhatsAppLoginOrCreateRequest = S.suspend(
  () => S.Struct({
    phone_number: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    create_user_as_pending: S.optional(S.Boolean),
    locale: S.optional(S.String)
  }).annotations({ identifier: "OTPsWhatsAppLoginOrCreateRequest" })
);
var OTPsWhatsAppLoginOrCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    phone_id: S.String,
    user_created: S.Boolean,
    status_code: S.Number
  }).annotations({ identifier: "OTPsWhatsAppLoginOrCreateResponse" })
);
var OTPsWhatsAppSendRequest = S.suspend(
  () => S.Struct({
    phone_number: S.String,
    expiration_minutes: S.optional(S.Number),
    attributes: S.optional(Attributes),
    locale: S.optional(S.String),
    user_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String)
  }).annotations({ identifier: "OTPsWhatsAppSendRequest" })
);
var OTPsWhatsAppSendResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    phone_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "OTPsWhatsAppSendResponse" })
);
var PBKDF2Config = S.suspend(
  () => S.Struct({
    salt: S.String,
    iteration_amount: S.Number,
    key_length: S.Number,
    algorithm: S.String
  }).annotations({ identifier: "PBKDF2Config" })
);
var PasswordsAuthenticateRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    password: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsAuthenticateRequest" })
);
var PasswordsAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsAuthenticateResponse" })
);
var PasswordsCreateRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    password: S.String,
    session_duration_minutes: S.optional(S.Number),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    untrusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    name: S.optional(UsersName),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsCreateRequest" })
);
var PasswordsCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    session_token: S.optionalWith(S.String, { exact: true, nullable: true }),
    session_jwt: S.optionalWith(S.String, { exact: true, nullable: true }),
    user: S.optionalWith(User, { exact: true, nullable: true }),
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsCreateResponse" })
);
var PasswordsEmailResetRequest = S.suspend(
  () => S.Struct({
    token: S.String,
    password: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    code_verifier: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    attributes: S.optional(Attributes),
    options: S.optional(Options),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsEmailResetRequest" })
);
var PasswordsEmailResetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsEmailResetResponse" })
);
var PasswordsEmailResetStartRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    reset_password_redirect_url: S.optional(S.String),
    reset_password_expiration_minutes: S.optional(S.Number),
    code_challenge: S.optional(S.String),
    attributes: S.optional(Attributes),
    login_redirect_url: S.optional(S.String),
    locale: S.optional(S.String),
    reset_password_template_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsEmailResetStartRequest" })
);
var PasswordsEmailResetStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "PasswordsEmailResetStartResponse" })
);
var PasswordsExistingPasswordResetRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    existing_password: S.String,
    new_password: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsExistingPasswordResetRequest" })
);
var PasswordsExistingPasswordResetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.optionalWith(S.String, { exact: true, nullable: true }),
    session_jwt: S.optionalWith(S.String, { exact: true, nullable: true }),
    user: S.optionalWith(User, { exact: true, nullable: true }),
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsExistingPasswordResetResponse" })
);
var SHA1Config = S.suspend(
  () => S.Struct({
    prepend_salt: S.String,
    append_salt: S.String
  }).annotations({ identifier: "SHA1Config" })
);
var SHA512Config = S.suspend(
  () => S.Struct({
    prepend_salt: S.String,
    append_salt: S.String
  }).annotations({ identifier: "SHA512Config" })
);
var ScryptConfig = S.suspend(
  () => S.Struct({
    salt: S.String,
    n_parameter: S.Number,
    r_parameter: S.Number,
    p_parameter: S.Number,
    key_length: S.Number
  }).annotations({ identifier: "ScryptConfig" })
);
var PasswordsMigrateRequest = S.suspend(
  () => S.Struct({
    email: S.String,
    hash: S.String,
    hash_type: S.String,
    md_5_config: S.optional(MD5Config),
    argon_2_config: S.optional(Argon2Config),
    sha_1_config: S.optional(SHA1Config),
    sha_512_config: S.optional(SHA512Config),
    scrypt_config: S.optional(ScryptConfig),
    pbkdf_2_config: S.optional(PBKDF2Config),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    untrusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    set_email_verified: S.optional(S.Boolean),
    name: S.optional(UsersName),
    phone_number: S.optional(S.String),
    set_phone_number_verified: S.optional(S.Boolean),
    external_id: S.optional(S.String),
    roles: S.optional(S.Array(S.String))
  }).annotations({ identifier: "PasswordsMigrateRequest" })
);
var PasswordsMigrateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    user_created: S.Boolean,
    user: S.optionalWith(User, { exact: true, nullable: true }),
    status_code: S.Number
  }).annotations({ identifier: "PasswordsMigrateResponse" })
);
var PasswordsSessionResetRequest = S.suspend(
  () => S.Struct({
    password: S.String,
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "PasswordsSessionResetRequest" })
);
var PasswordsSessionResetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: S.optionalWith(User, { exact: true, nullable: true }),
    session_token: S.String,
    session_jwt: S.String,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsSessionResetResponse" })
);
var PasswordsStrengthCheckRequest = S.suspend(
  () => S.Struct({
    password: S.String,
    email: S.optional(S.String)
  }).annotations({ identifier: "PasswordsStrengthCheckRequest" })
);
var PasswordsStrengthCheckResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    valid_password: S.Boolean,
    score: S.Number,
    breached_password: S.Boolean,
    strength_policy: S.String,
    breach_detection_on_create: S.Boolean,
    status_code: S.Number,
    feedback: S.optionalWith(Feedback, { exact: true, nullable: true })
  }).annotations({ identifier: "PasswordsStrengthCheckResponse" })
);
var ProjectMetric = S.suspend(
  () => S.Struct({
    metric_type: S.String,
    count: S.Number
  }).annotations({ identifier: "ProjectMetric" })
);
var ProjectMetricsResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    project_id: S.String,
    metrics: S.Array(ProjectMetric),
    status_code: S.Number
  }).annotations({ identifier: "ProjectMetricsResponse" })
);
var RBACPolicyRolePermission = S.suspend(
  () => S.Struct({
    resource_id: S.String,
    actions: S.Array(S.String)
  }).annotations({ identifier: "RBACPolicyRolePermission" })
);
var RBACPolicyRole = S.suspend(
  () => S.Struct({
    role_id: S.String,
    description: S.String,
    permissions: S.Array(RBACPolicyRolePermission)
  }).annotations({ identifier: "RBACPolicyRole" })
);
var RBACPolicyResource = S.suspend(
  () => S.Struct({
    resource_id: S.String,
    description: S.String,
    actions: S.Array(S.String)
  }).annotations({ identifier: "RBACPolicyResource" })
);
var RBACPolicyScopePermission = S.suspend(
  () => S.Struct({
    resource_id: S.String,
    actions: S.Array(S.String)
  }).annotations({ identifier: "RBACPolicyScopePermission" })
);
var RBACPolicyScope = S.suspend(
  () => S.Struct({
    scope: S.String,
    description: S.String,
    permissions: S.Array(RBACPolicyScopePermission)
  }).annotations({ identifier: "RBACPolicyScope" })
);
var RBACPolicy = S.suspend(
  () => S.Struct({
    roles: S.Array(RBACPolicyRole),
    resources: S.Array(RBACPolicyResource),
    scopes: S.Array(RBACPolicyScope)
  }).annotations({ identifier: "RBACPolicy" })
);
var RBACPolicyResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    status_code: S.Number,
    policy: S.optionalWith(RBACPolicy, { exact: true, nullable: true })
  }).annotations({ identifier: "RBACPolicyResponse" })
);
var SearchUsersQueryOperand = S.suspend(
  () => S.Union(S.Struct({
    filter_name: S.Literal("created_at_greater_than"),
    filter_value: S.String
  }), S.Struct({
    filter_name: S.Literal("created_at_less_than"),
    filter_value: S.String
  }), S.Struct({
    filter_name: S.Literal("created_at_between"),
    filter_value: S.Struct({
      greater_than: S.String,
      less_than: S.String
    })
  }), S.Struct({
    filter_name: S.Literal("status"),
    filter_value: S.Literal("active", "pending")
  }), S.Struct({
    filter_name: S.Literal("oauth_provider"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("user_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("full_name_fuzzy"),
    filter_value: S.String
  }), S.Struct({
    filter_name: S.Literal("phone_number"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("phone_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("phone_verified"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.Literal("phone_number_fuzzy"),
    filter_value: S.String
  }), S.Struct({
    filter_name: S.Literal("email_address"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("email_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("email_verified"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.Literal("email_address_fuzzy"),
    filter_value: S.String
  }), S.Struct({
    filter_name: S.Literal("webauthn_registration_verified"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.Literal("webauthn_registration_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("crypto_wallet_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("crypto_wallet_address"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("crypto_wallet_verified"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.Literal("totp_id"),
    filter_value: S.Array(S.String)
  }), S.Struct({
    filter_name: S.Literal("totp_verified"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.Literal("password_exists"),
    filter_value: S.Boolean
  }), S.Struct({
    filter_name: S.String
  })).annotations({ identifier: "SearchUsersQueryOperand" })
);
var SearchUsersQuery = S.suspend(
  () => S.Struct({
    operator: S.String,
    operands: S.Array(SearchUsersQueryOperand)
  }).annotations({ identifier: "SearchUsersQuery" })
);
var SessionsAttestRequest = S.suspend(
  () => S.Struct({
    profile_id: S.String,
    token: S.String,
    session_duration_minutes: S.optional(S.Number),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "SessionsAttestRequest" })
);
var SessionsAttestResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "SessionsAttestResponse" })
);
var SessionsAuthorizationCheck = S.suspend(
  () => S.Struct({
    resource_id: S.String,
    action: S.String
  }).annotations({ identifier: "SessionsAuthorizationCheck" })
);
var SessionsAuthenticateJwtLocalRequest = S.suspend(
  () => S.Struct({
    session_jwt: S.String,
    authorization_check: S.optional(SessionsAuthorizationCheck),
    clock_tolerance_seconds: S.optional(S.Number),
    max_token_age_seconds: S.optional(S.Number),
    current_date: S.optional(S.Unknown)
  }).annotations({ identifier: "SessionsAuthenticateJwtLocalRequest" })
);
var SessionsAuthenticateJwtRequest = S.suspend(
  () => S.Struct({
    session_jwt: S.String,
    authorization_check: S.optional(SessionsAuthorizationCheck),
    max_token_age_seconds: S.optional(S.Number)
  }).annotations({ identifier: "SessionsAuthenticateJwtRequest" })
);
var SessionsAuthenticateJwtResponse = S.suspend(
  () => S.Struct({
    session: Session,
    session_jwt: S.String
  }).annotations({ identifier: "SessionsAuthenticateJwtResponse" })
);
var SessionsAuthenticateRequest = S.suspend(
  () => S.Struct({
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    authorization_check: S.optional(SessionsAuthorizationCheck)
  }).annotations({ identifier: "SessionsAuthenticateRequest" })
);
var SessionsAuthorizationVerdict = S.suspend(
  () => S.Struct({
    authorized: S.Boolean,
    granting_roles: S.Array(S.String)
  }).annotations({ identifier: "SessionsAuthorizationVerdict" })
);
var SessionsAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    session: Session,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    verdict: S.optionalWith(SessionsAuthorizationVerdict, { exact: true, nullable: true })
  }).annotations({ identifier: "SessionsAuthenticateResponse" })
);
var SessionsExchangeAccessTokenRequest = S.suspend(
  () => S.Struct({
    access_token: S.String,
    session_duration_minutes: S.optional(S.Number),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "SessionsExchangeAccessTokenRequest" })
);
var SessionsExchangeAccessTokenResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "SessionsExchangeAccessTokenResponse" })
);
var SessionsGetJWKSRequest = S.suspend(
  () => S.Struct({
    project_id: S.String
  }).annotations({ identifier: "SessionsGetJWKSRequest" })
);
var SessionsGetJWKSResponse = S.suspend(
  () => S.Struct({
    keys: S.Array(JWK),
    request_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    status_code: S.Number
  }).annotations({ identifier: "SessionsGetJWKSResponse" })
);
var SessionsGetRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "SessionsGetRequest" })
);
var SessionsGetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    sessions: S.Array(Session),
    status_code: S.Number
  }).annotations({ identifier: "SessionsGetResponse" })
);
var SessionsMigrateRequest = S.suspend(
  () => S.Struct({
    session_token: S.String,
    session_duration_minutes: S.optional(S.Number),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "SessionsMigrateRequest" })
);
var SessionsMigrateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "SessionsMigrateResponse" })
);
var SessionsRevokeRequest = S.suspend(
  () => S.Struct({
    session_id: S.optional(S.String),
    session_token: S.optional(S.String),
    session_jwt: S.optional(S.String)
  }).annotations({ identifier: "SessionsRevokeRequest" })
);
var SessionsRevokeResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "SessionsRevokeResponse" })
);
var StytchErrorJSON = S.suspend(
  () => S.Struct({
    status_code: S.Number,
    request_id: S.String,
    error_type: S.String,
    error_message: S.String,
    error_url: S.String,
    error_details: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true })
  }).annotations({ identifier: "StytchErrorJSON" })
);
var TOTPWithRecoveryCodes = S.suspend(
  () => S.Struct({
    totp_id: S.String,
    verified: S.Boolean,
    recovery_codes: S.Array(S.String)
  }).annotations({ identifier: "TOTPWithRecoveryCodes" })
);
var TOTPsAuthenticateRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    totp_code: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "TOTPsAuthenticateRequest" })
);
var TOTPsAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    session_token: S.String,
    totp_id: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "TOTPsAuthenticateResponse" })
);
var TOTPsCreateRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    expiration_minutes: S.optional(S.Number)
  }).annotations({ identifier: "TOTPsCreateRequest" })
);
var TOTPsCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    totp_id: S.String,
    secret: S.String,
    qr_code: S.String,
    recovery_codes: S.Array(S.String),
    user: User,
    user_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "TOTPsCreateResponse" })
);
var TOTPsRecoverRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    recovery_code: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "TOTPsRecoverRequest" })
);
var TOTPsRecoverResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    totp_id: S.String,
    user_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "TOTPsRecoverResponse" })
);
var TOTPsRecoveryCodesRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "TOTPsRecoveryCodesRequest" })
);
var TOTPsRecoveryCodesResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    totps: S.Array(TOTPWithRecoveryCodes),
    status_code: S.Number
  }).annotations({ identifier: "TOTPsRecoveryCodesResponse" })
);
var TokenRequest = S.suspend(
  () => S.Struct({
    client_id: S.String,
    client_secret: S.String,
    scopes: S.optional(S.Array(S.String))
  }).annotations({ identifier: "TokenRequest" })
);
var TokenResponse = S.suspend(
  () => S.Struct({
    access_token: S.String,
    token_type: S.String,
    expires_in: S.Number
  }).annotations({ identifier: "TokenResponse" })
);
var UserConnectedApp = S.suspend(
  () => S.Struct({
    connected_app_id: S.String,
    name: S.String,
    description: S.String,
    client_type: S.String,
    scopes_granted: S.String,
    logo_url: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "UserConnectedApp" })
);
var UsersConnectedAppsRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "UsersConnectedAppsRequest" })
);
var UsersConnectedAppsResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    connected_apps: S.Array(UserConnectedApp),
    status_code: S.Number
  }).annotations({ identifier: "UsersConnectedAppsResponse" })
);
var UsersCreateRequest = S.suspend(
  () => S.Struct({
    email: S.optional(S.String),
    name: S.optional(UsersName),
    attributes: S.optional(Attributes),
    phone_number: S.optional(S.String),
    create_user_as_pending: S.optional(S.Boolean),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    untrusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    external_id: S.optional(S.String),
    roles: S.optional(S.Array(S.String))
  }).annotations({ identifier: "UsersCreateRequest" })
);
var UsersCreateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    email_id: S.String,
    status: S.String,
    phone_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersCreateResponse" })
);
var UsersDeleteBiometricRegistrationRequest = S.suspend(
  () => S.Struct({
    biometric_registration_id: S.String
  }).annotations({ identifier: "UsersDeleteBiometricRegistrationRequest" })
);
var UsersDeleteBiometricRegistrationResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteBiometricRegistrationResponse" })
);
var UsersDeleteCryptoWalletRequest = S.suspend(
  () => S.Struct({
    crypto_wallet_id: S.String
  }).annotations({ identifier: "UsersDeleteCryptoWalletRequest" })
);
var UsersDeleteCryptoWalletResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteCryptoWalletResponse" })
);
var UsersDeleteEmailRequest = S.suspend(
  () => S.Struct({
    email_id: S.String
  }).annotations({ identifier: "UsersDeleteEmailRequest" })
);
var UsersDeleteEmailResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteEmailResponse" })
);
var UsersDeleteExternalIdRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "UsersDeleteExternalIdRequest" })
);
var UsersDeleteExternalIdResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteExternalIdResponse" })
);
var UsersDeleteOAuthRegistrationRequest = S.suspend(
  () => S.Struct({
    oauth_user_registration_id: S.String
  }).annotations({ identifier: "UsersDeleteOAuthRegistrationRequest" })
);
var UsersDeleteOAuthRegistrationResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteOAuthRegistrationResponse" })
);
var UsersDeletePasswordRequest = S.suspend(
  () => S.Struct({
    password_id: S.String
  }).annotations({ identifier: "UsersDeletePasswordRequest" })
);
var UsersDeletePasswordResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeletePasswordResponse" })
);
var UsersDeletePhoneNumberRequest = S.suspend(
  () => S.Struct({
    phone_id: S.String
  }).annotations({ identifier: "UsersDeletePhoneNumberRequest" })
);
var UsersDeletePhoneNumberResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeletePhoneNumberResponse" })
);
var UsersDeleteRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "UsersDeleteRequest" })
);
var UsersDeleteResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteResponse" })
);
var UsersDeleteTOTPRequest = S.suspend(
  () => S.Struct({
    totp_id: S.String
  }).annotations({ identifier: "UsersDeleteTOTPRequest" })
);
var UsersDeleteTOTPResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteTOTPResponse" })
);
var UsersDeleteWebAuthnRegistrationRequest = S.suspend(
  () => S.Struct({
    webauthn_registration_id: S.String
  }).annotations({ identifier: "UsersDeleteWebAuthnRegistrationRequest" })
);
var UsersDeleteWebAuthnRegistrationResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersDeleteWebAuthnRegistrationResponse" })
);
var UsersExchangePrimaryFactorRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    email_address: S.optional(S.String),
    phone_number: S.optional(S.String)
  }).annotations({ identifier: "UsersExchangePrimaryFactorRequest" })
);
var UsersExchangePrimaryFactorResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersExchangePrimaryFactorResponse" })
);
var UsersGetRequest = S.suspend(
  () => S.Struct({
    user_id: S.String
  }).annotations({ identifier: "UsersGetRequest" })
);
var UsersGetResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    emails: S.Array(UsersEmail),
    status: S.String,
    phone_numbers: S.Array(UsersPhoneNumber),
    webauthn_registrations: S.Array(WebAuthnRegistration),
    providers: S.Array(OAuthProvider),
    totps: S.Array(TOTP),
    crypto_wallets: S.Array(CryptoWallet),
    biometric_registrations: S.Array(BiometricRegistration),
    is_locked: S.Boolean,
    roles: S.Array(S.String),
    status_code: S.Number,
    name: S.optionalWith(UsersName, { exact: true, nullable: true }),
    created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    password: S.optionalWith(Password, { exact: true, nullable: true }),
    trusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    untrusted_metadata: S.optionalWith(S.Record({ key: S.String, value: S.Unknown }), { exact: true, nullable: true }),
    external_id: S.optionalWith(S.String, { exact: true, nullable: true }),
    lock_created_at: S.optionalWith(S.String, { exact: true, nullable: true }),
    lock_expires_at: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "UsersGetResponse" })
);
var UsersResultsMetadata = S.suspend(
  () => S.Struct({
    total: S.Number,
    next_cursor: S.optionalWith(S.String, { exact: true, nullable: true })
  }).annotations({ identifier: "UsersResultsMetadata" })
);
var UsersRevokeRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    connected_app_id: S.String
  }).annotations({ identifier: "UsersRevokeRequest" })
);
var UsersRevokeResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "UsersRevokeResponse" })
);
var UsersSearchRequest = S.suspend(
  () => S.Struct({
    cursor: S.optional(S.String),
    limit: S.optional(S.Number),
    query: S.optional(SearchUsersQuery)
  }).annotations({ identifier: "UsersSearchRequest" })
);
var UsersSearchResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    results: S.Array(User),
    results_metadata: UsersResultsMetadata,
    status_code: S.Number
  }).annotations({ identifier: "UsersSearchResponse" })
);
var UsersUpdateRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    name: S.optional(UsersName),
    attributes: S.optional(Attributes),
    trusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    untrusted_metadata: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    external_id: S.optional(S.String),
    roles: S.optional(S.Array(S.String))
  }).annotations({ identifier: "UsersUpdateRequest" })
);
var UsersUpdateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    emails: S.Array(UsersEmail),
    phone_numbers: S.Array(UsersPhoneNumber),
    crypto_wallets: S.Array(CryptoWallet),
    user: User,
    status_code: S.Number
  }).annotations({ identifier: "UsersUpdateResponse" })
);
var WebAuthnAuthenticateRequest = S.suspend(
  () => S.Struct({
    public_key_credential: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "WebAuthnAuthenticateRequest" })
);
var WebAuthnAuthenticateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    webauthn_registration_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "WebAuthnAuthenticateResponse" })
);
var WebAuthnAuthenticateStartRequest = S.suspend(
  () => S.Struct({
    domain: S.String,
    user_id: S.optional(S.String),
    return_passkey_credential_options: S.optional(S.Boolean),
    use_base64_url_encoding: S.optional(S.Boolean)
  }).annotations({ identifier: "WebAuthnAuthenticateStartRequest" })
);
var WebAuthnAuthenticateStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    public_key_credential_request_options: S.String,
    status_code: S.Number
  }).annotations({ identifier: "WebAuthnAuthenticateStartResponse" })
);
var WebAuthnCredential = S.suspend(
  () => S.Struct({
    credential_id: S.String,
    webauthn_registration_id: S.String,
    type: S.String,
    public_key: S.String
  }).annotations({ identifier: "WebAuthnCredential" })
);
var WebAuthnListCredentialsRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    domain: S.String
  }).annotations({ identifier: "WebAuthnListCredentialsRequest" })
);
var WebAuthnListCredentialsResponse = S.suspend(
  () => S.Struct({
    credentials: S.Array(WebAuthnCredential),
    request_id: S.String,
    status_code: S.Number
  }).annotations({ identifier: "WebAuthnListCredentialsResponse" })
);
var WebAuthnRegisterRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    public_key_credential: S.String,
    session_token: S.optional(S.String),
    session_duration_minutes: S.optional(S.Number),
    session_jwt: S.optional(S.String),
    session_custom_claims: S.optional(S.Record({ key: S.String, value: S.Unknown })),
    telemetry_id: S.optional(S.String)
  }).annotations({ identifier: "WebAuthnRegisterRequest" })
);
var WebAuthnRegisterResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    webauthn_registration_id: S.String,
    session_token: S.String,
    session_jwt: S.String,
    user: User,
    status_code: S.Number,
    session: S.optionalWith(Session, { exact: true, nullable: true }),
    user_device: S.optionalWith(DeviceInfo, { exact: true, nullable: true })
  }).annotations({ identifier: "WebAuthnRegisterResponse" })
);
var WebAuthnRegisterStartRequest = S.suspend(
  () => S.Struct({
    user_id: S.String,
    domain: S.String,
    user_agent: S.optional(S.String),
    authenticator_type: S.optional(S.String),
    return_passkey_credential_options: S.optional(S.Boolean),
    override_id: S.optional(S.String),
    override_name: S.optional(S.String),
    override_display_name: S.optional(S.String),
    use_base64_url_encoding: S.optional(S.Boolean)
  }).annotations({ identifier: "WebAuthnRegisterStartRequest" })
);
var WebAuthnRegisterStartResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    user_id: S.String,
    public_key_credential_creation_options: S.String,
    status_code: S.Number
  }).annotations({ identifier: "WebAuthnRegisterStartResponse" })
);
var WebAuthnUpdateRequest = S.suspend(
  () => S.Struct({
    webauthn_registration_id: S.String,
    name: S.String
  }).annotations({ identifier: "WebAuthnUpdateRequest" })
);
var WebAuthnUpdateResponse = S.suspend(
  () => S.Struct({
    request_id: S.String,
    status_code: S.Number,
    webauthn_registration: S.optionalWith(WebAuthnRegistration, { exact: true, nullable: true })
  }).annotations({ identifier: "WebAuthnUpdateResponse" })
);

// src/schemas/Endpoints.ts
var connectedApp = {
  clients: {
    get: endpoint({
      id: "connectedApp.clients.get",
      method: "GET",
      path: "/v1/connected_apps/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "none",
      host: "api",
      request: ConnectedAppsClientsGetRequest,
      response: ConnectedAppsClientsGetResponse,
      retry: "transient",
      session: false,
      inSeed: false
    }),
    update: endpoint({
      id: "connectedApp.clients.update",
      method: "PUT",
      path: "/v1/connected_apps/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "body",
      host: "api",
      request: ConnectedAppsClientsUpdateRequest,
      response: ConnectedAppsClientsUpdateResponse,
      retry: "transient",
      session: false,
      inSeed: false
    }),
    delete: endpoint({
      id: "connectedApp.clients.delete",
      method: "DELETE",
      path: "/v1/connected_apps/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "emptyBody",
      host: "api",
      request: ConnectedAppsClientsDeleteRequest,
      response: ConnectedAppsClientsDeleteResponse,
      retry: "transient",
      session: false,
      inSeed: false
    }),
    search: endpoint({
      id: "connectedApp.clients.search",
      method: "POST",
      path: "/v1/connected_apps/clients/search",
      pathParams: [],
      fields: "body",
      host: "api",
      request: ConnectedAppsClientsSearchRequest,
      response: ConnectedAppsClientsSearchResponse,
      retry: "transient",
      session: false,
      inSeed: false
    }),
    create: endpoint({
      id: "connectedApp.clients.create",
      method: "POST",
      path: "/v1/connected_apps/clients",
      pathParams: [],
      fields: "body",
      host: "api",
      request: ConnectedAppsClientsCreateRequest,
      response: ConnectedAppsClientsCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: false
    }),
    secrets: {
      rotateStart: endpoint({
        id: "connectedApp.clients.secrets.rotateStart",
        method: "POST",
        path: "/v1/connected_apps/clients/{client_id}/secrets/rotate/start",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: ConnectedAppsClientsSecretsRotateStartRequest,
        response: ConnectedAppsClientsSecretsRotateStartResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: false
      }),
      rotateCancel: endpoint({
        id: "connectedApp.clients.secrets.rotateCancel",
        method: "POST",
        path: "/v1/connected_apps/clients/{client_id}/secrets/rotate/cancel",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: ConnectedAppsClientsSecretsRotateCancelRequest,
        response: ConnectedAppsClientsSecretsRotateCancelResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: false
      }),
      rotate: endpoint({
        id: "connectedApp.clients.secrets.rotate",
        method: "POST",
        path: "/v1/connected_apps/clients/{client_id}/secrets/rotate",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: ConnectedAppsClientsSecretsRotateRequest,
        response: ConnectedAppsClientsSecretsRotateResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: false
      })
    }
  }
};
var cryptoWallets = {
  authenticateStart: endpoint({
    id: "cryptoWallets.authenticateStart",
    method: "POST",
    path: "/v1/crypto_wallets/authenticate/start",
    pathParams: [],
    fields: "body",
    host: "api",
    request: CryptoWalletsAuthenticateStartRequest,
    response: CryptoWalletsAuthenticateStartResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "cryptoWallets.authenticate",
    method: "POST",
    path: "/v1/crypto_wallets/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: CryptoWalletsAuthenticateRequest,
    response: CryptoWalletsAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  })
};
var debug = {
  whoami: endpoint({
    id: "debug.whoami",
    method: "GET",
    path: "/v1/debug/whoami",
    pathParams: [],
    fields: "none",
    host: "api",
    request: NoRequest,
    response: DebugWhoamiResponse,
    retry: "transient",
    session: false,
    inSeed: false
  })
};
var fraud = {
  fingerprint: {
    lookup: endpoint({
      id: "fraud.fingerprint.lookup",
      method: "POST",
      path: "/v1/fingerprint/lookup",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudFingerprintLookupRequest,
      response: FraudFingerprintLookupResponse,
      retry: "transient",
      session: false,
      inSeed: true
    })
  },
  rules: {
    set: endpoint({
      id: "fraud.rules.set",
      method: "POST",
      path: "/v1/rules/set",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudRulesSetRequest,
      response: FraudRulesSetResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    list: endpoint({
      id: "fraud.rules.list",
      method: "POST",
      path: "/v1/rules/list",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudRulesListRequest,
      response: FraudRulesListResponse,
      retry: "transient",
      session: false,
      inSeed: false
    })
  },
  verdictReasons: {
    override: endpoint({
      id: "fraud.verdictReasons.override",
      method: "POST",
      path: "/v1/verdict_reasons/override",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudVerdictReasonsOverrideRequest,
      response: FraudVerdictReasonsOverrideResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: false
    }),
    list: endpoint({
      id: "fraud.verdictReasons.list",
      method: "POST",
      path: "/v1/verdict_reasons/list",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudVerdictReasonsListRequest,
      response: FraudVerdictReasonsListResponse,
      retry: "transient",
      session: false,
      inSeed: false
    })
  },
  email: {
    risk: endpoint({
      id: "fraud.email.risk",
      method: "POST",
      path: "/v1/email/risk",
      pathParams: [],
      fields: "body",
      host: "fraud",
      request: FraudEmailRiskRequest,
      response: FraudEmailRiskResponse,
      retry: "transient",
      session: false,
      inSeed: false
    })
  }
};
var idp = {
  oauth: {
    authorizeStart: endpoint({
      id: "idp.oauth.authorizeStart",
      method: "POST",
      path: "/v1/idp/oauth/authorize/start",
      pathParams: [],
      fields: "body",
      host: "api",
      request: IDPOAuthAuthorizeStartRequest,
      response: IDPOAuthAuthorizeStartResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: false
    }),
    authorize: endpoint({
      id: "idp.oauth.authorize",
      method: "POST",
      path: "/v1/idp/oauth/authorize",
      pathParams: [],
      fields: "body",
      host: "api",
      request: IDPOAuthAuthorizeRequest,
      response: IDPOAuthAuthorizeResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: false
    })
  }
};
var impersonation = {
  authenticate: endpoint({
    id: "impersonation.authenticate",
    method: "POST",
    path: "/v1/impersonation/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: ImpersonationAuthenticateRequest,
    response: ImpersonationAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: false
  })
};
var m2m = {
  clients: {
    get: endpoint({
      id: "m2m.clients.get",
      method: "GET",
      path: "/v1/m2m/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "none",
      host: "api",
      request: M2MClientsGetRequest,
      response: M2MClientsGetResponse,
      retry: "transient",
      session: false,
      inSeed: true
    }),
    search: endpoint({
      id: "m2m.clients.search",
      method: "POST",
      path: "/v1/m2m/clients/search",
      pathParams: [],
      fields: "body",
      host: "api",
      request: M2MClientsSearchRequest,
      response: M2MClientsSearchResponse,
      retry: "transient",
      session: false,
      inSeed: true
    }),
    update: endpoint({
      id: "m2m.clients.update",
      method: "PUT",
      path: "/v1/m2m/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "body",
      host: "api",
      request: M2MClientsUpdateRequest,
      response: M2MClientsUpdateResponse,
      retry: "transient",
      session: false,
      inSeed: true
    }),
    delete: endpoint({
      id: "m2m.clients.delete",
      method: "DELETE",
      path: "/v1/m2m/clients/{client_id}",
      pathParams: ["client_id"],
      fields: "emptyBody",
      host: "api",
      request: M2MClientsDeleteRequest,
      response: M2MClientsDeleteResponse,
      retry: "transient",
      session: false,
      inSeed: true
    }),
    create: endpoint({
      id: "m2m.clients.create",
      method: "POST",
      path: "/v1/m2m/clients",
      pathParams: [],
      fields: "body",
      host: "api",
      request: M2MClientsCreateRequest,
      response: M2MClientsCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    secrets: {
      rotateStart: endpoint({
        id: "m2m.clients.secrets.rotateStart",
        method: "POST",
        path: "/v1/m2m/clients/{client_id}/secrets/rotate/start",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: M2MClientsSecretsRotateStartRequest,
        response: M2MClientsSecretsRotateStartResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: true
      }),
      rotateCancel: endpoint({
        id: "m2m.clients.secrets.rotateCancel",
        method: "POST",
        path: "/v1/m2m/clients/{client_id}/secrets/rotate/cancel",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: M2MClientsSecretsRotateCancelRequest,
        response: M2MClientsSecretsRotateCancelResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: true
      }),
      rotate: endpoint({
        id: "m2m.clients.secrets.rotate",
        method: "POST",
        path: "/v1/m2m/clients/{client_id}/secrets/rotate",
        pathParams: ["client_id"],
        fields: "emptyBody",
        host: "api",
        request: M2MClientsSecretsRotateRequest,
        response: M2MClientsSecretsRotateResponse,
        retry: "rateLimitOnly",
        session: false,
        inSeed: true
      })
    }
  }
};
var magicLinks = {
  authenticate: endpoint({
    id: "magicLinks.authenticate",
    method: "POST",
    path: "/v1/magic_links/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: MagicLinksAuthenticateRequest,
    response: MagicLinksAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  create: endpoint({
    id: "magicLinks.create",
    method: "POST",
    path: "/v1/magic_links",
    pathParams: [],
    fields: "body",
    host: "api",
    request: MagicLinksCreateRequest,
    response: MagicLinksCreateResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  email: {
    send: endpoint({
      id: "magicLinks.email.send",
      method: "POST",
      path: "/v1/magic_links/email/send",
      pathParams: [],
      fields: "body",
      host: "api",
      request: MagicLinksEmailSendRequest,
      response: MagicLinksEmailSendResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    loginOrCreate: endpoint({
      id: "magicLinks.email.loginOrCreate",
      method: "POST",
      path: "/v1/magic_links/email/login_or_create",
      pathParams: [],
      fields: "body",
      host: "api",
      request: MagicLinksEmailLoginOrCreateRequest,
      response: MagicLinksEmailLoginOrCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    invite: endpoint({
      id: "magicLinks.email.invite",
      method: "POST",
      path: "/v1/magic_links/email/invite",
      pathParams: [],
      fields: "body",
      host: "api",
      request: MagicLinksEmailInviteRequest,
      response: MagicLinksEmailInviteResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    revokeInvite: endpoint({
      id: "magicLinks.email.revokeInvite",
      method: "POST",
      path: "/v1/magic_links/email/revoke_invite",
      pathParams: [],
      fields: "body",
      host: "api",
      request: MagicLinksEmailRevokeInviteRequest,
      response: MagicLinksEmailRevokeInviteResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    })
  }
};
var oauth = {
  attach: endpoint({
    id: "oauth.attach",
    method: "POST",
    path: "/v1/oauth/attach",
    pathParams: [],
    fields: "body",
    host: "api",
    request: OAuthAttachRequest,
    response: OAuthAttachResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "oauth.authenticate",
    method: "POST",
    path: "/v1/oauth/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: OAuthAuthenticateRequest,
    response: OAuthAuthenticateResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  })
};
var otps = {
  authenticate: endpoint({
    id: "otps.authenticate",
    method: "POST",
    path: "/v1/otps/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: OTPsAuthenticateRequest,
    response: OTPsAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  sms: {
    send: endpoint({
      id: "otps.sms.send",
      method: "POST",
      path: "/v1/otps/sms/send",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsSmsSendRequest,
      response: OTPsSmsSendResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    loginOrCreate: endpoint({
      id: "otps.sms.loginOrCreate",
      method: "POST",
      path: "/v1/otps/sms/login_or_create",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsSmsLoginOrCreateRequest,
      response: OTPsSmsLoginOrCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    })
  },
  whatsapp: {
    send: endpoint({
      id: "otps.whatsapp.send",
      method: "POST",
      path: "/v1/otps/whatsapp/send",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsWhatsAppSendRequest,
      response: OTPsWhatsAppSendResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    loginOrCreate: endpoint({
      id: "otps.whatsapp.loginOrCreate",
      method: "POST",
      path: "/v1/otps/whatsapp/login_or_create",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsWhatsAppLoginOrCreateRequest,
      response: OTPsWhatsAppLoginOrCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    })
  },
  email: {
    send: endpoint({
      id: "otps.email.send",
      method: "POST",
      path: "/v1/otps/email/send",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsEmailSendRequest,
      response: OTPsEmailSendResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    loginOrCreate: endpoint({
      id: "otps.email.loginOrCreate",
      method: "POST",
      path: "/v1/otps/email/login_or_create",
      pathParams: [],
      fields: "body",
      host: "api",
      request: OTPsEmailLoginOrCreateRequest,
      response: OTPsEmailLoginOrCreateResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    })
  }
};
var passwords = {
  create: endpoint({
    id: "passwords.create",
    method: "POST",
    path: "/v1/passwords",
    pathParams: [],
    fields: "body",
    host: "api",
    request: PasswordsCreateRequest,
    response: PasswordsCreateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "passwords.authenticate",
    method: "POST",
    path: "/v1/passwords/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: PasswordsAuthenticateRequest,
    response: PasswordsAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  strengthCheck: endpoint({
    id: "passwords.strengthCheck",
    method: "POST",
    path: "/v1/passwords/strength_check",
    pathParams: [],
    fields: "body",
    host: "api",
    request: PasswordsStrengthCheckRequest,
    response: PasswordsStrengthCheckResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  migrate: endpoint({
    id: "passwords.migrate",
    method: "POST",
    path: "/v1/passwords/migrate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: PasswordsMigrateRequest,
    response: PasswordsMigrateResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  email: {
    resetStart: endpoint({
      id: "passwords.email.resetStart",
      method: "POST",
      path: "/v1/passwords/email/reset/start",
      pathParams: [],
      fields: "body",
      host: "api",
      request: PasswordsEmailResetStartRequest,
      response: PasswordsEmailResetStartResponse,
      retry: "rateLimitOnly",
      session: false,
      inSeed: true
    }),
    reset: endpoint({
      id: "passwords.email.reset",
      method: "POST",
      path: "/v1/passwords/email/reset",
      pathParams: [],
      fields: "body",
      host: "api",
      request: PasswordsEmailResetRequest,
      response: PasswordsEmailResetResponse,
      retry: "rateLimitOnly",
      session: true,
      inSeed: true
    })
  },
  existingPassword: {
    reset: endpoint({
      id: "passwords.existingPassword.reset",
      method: "POST",
      path: "/v1/passwords/existing_password/reset",
      pathParams: [],
      fields: "body",
      host: "api",
      request: PasswordsExistingPasswordResetRequest,
      response: PasswordsExistingPasswordResetResponse,
      retry: "rateLimitOnly",
      session: true,
      inSeed: true
    })
  },
  sessions: {
    reset: endpoint({
      id: "passwords.sessions.reset",
      method: "POST",
      path: "/v1/passwords/session/reset",
      pathParams: [],
      fields: "body",
      host: "api",
      request: PasswordsSessionResetRequest,
      response: PasswordsSessionResetResponse,
      retry: "rateLimitOnly",
      session: true,
      inSeed: true
    })
  }
};
var project = {
  metrics: endpoint({
    id: "project.metrics",
    method: "GET",
    path: "/v1/projects/metrics",
    pathParams: [],
    fields: "none",
    host: "api",
    request: NoRequest,
    response: ProjectMetricsResponse,
    retry: "transient",
    session: false,
    inSeed: true
  })
};
var rbac = {
  policy: endpoint({
    id: "rbac.policy",
    method: "GET",
    path: "/v1/rbac/policy",
    pathParams: [],
    fields: "none",
    host: "api",
    request: NoRequest,
    response: RBACPolicyResponse,
    retry: "transient",
    session: false,
    inSeed: false
  })
};
var sessions = {
  get: endpoint({
    id: "sessions.get",
    method: "GET",
    path: "/v1/sessions",
    pathParams: [],
    fields: "query",
    host: "api",
    request: SessionsGetRequest,
    response: SessionsGetResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "sessions.authenticate",
    method: "POST",
    path: "/v1/sessions/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: SessionsAuthenticateRequest,
    response: SessionsAuthenticateResponse,
    retry: "transient",
    session: true,
    inSeed: true
  }),
  revoke: endpoint({
    id: "sessions.revoke",
    method: "POST",
    path: "/v1/sessions/revoke",
    pathParams: [],
    fields: "body",
    host: "api",
    request: SessionsRevokeRequest,
    response: SessionsRevokeResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  migrate: endpoint({
    id: "sessions.migrate",
    method: "POST",
    path: "/v1/sessions/migrate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: SessionsMigrateRequest,
    response: SessionsMigrateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  exchangeAccessToken: endpoint({
    id: "sessions.exchangeAccessToken",
    method: "POST",
    path: "/v1/sessions/exchange_access_token",
    pathParams: [],
    fields: "body",
    host: "api",
    request: SessionsExchangeAccessTokenRequest,
    response: SessionsExchangeAccessTokenResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: false
  }),
  getJWKS: endpoint({
    id: "sessions.getJWKS",
    method: "GET",
    path: "/v1/sessions/jwks/{project_id}",
    pathParams: ["project_id"],
    fields: "none",
    host: "api",
    request: SessionsGetJWKSRequest,
    response: SessionsGetJWKSResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  attest: endpoint({
    id: "sessions.attest",
    method: "POST",
    path: "/v1/sessions/attest",
    pathParams: [],
    fields: "body",
    host: "api",
    request: SessionsAttestRequest,
    response: SessionsAttestResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: false
  })
};
var totps = {
  create: endpoint({
    id: "totps.create",
    method: "POST",
    path: "/v1/totps",
    pathParams: [],
    fields: "body",
    host: "api",
    request: TOTPsCreateRequest,
    response: TOTPsCreateResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "totps.authenticate",
    method: "POST",
    path: "/v1/totps/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: TOTPsAuthenticateRequest,
    response: TOTPsAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  recoveryCodes: endpoint({
    id: "totps.recoveryCodes",
    method: "POST",
    path: "/v1/totps/recovery_codes",
    pathParams: [],
    fields: "body",
    host: "api",
    request: TOTPsRecoveryCodesRequest,
    response: TOTPsRecoveryCodesResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  recover: endpoint({
    id: "totps.recover",
    method: "POST",
    path: "/v1/totps/recover",
    pathParams: [],
    fields: "body",
    host: "api",
    request: TOTPsRecoverRequest,
    response: TOTPsRecoverResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  })
};
var users = {
  create: endpoint({
    id: "users.create",
    method: "POST",
    path: "/v1/users",
    pathParams: [],
    fields: "body",
    host: "api",
    request: UsersCreateRequest,
    response: UsersCreateResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  get: endpoint({
    id: "users.get",
    method: "GET",
    path: "/v1/users/{user_id}",
    pathParams: ["user_id"],
    fields: "none",
    host: "api",
    request: UsersGetRequest,
    response: UsersGetResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  search: endpoint({
    id: "users.search",
    method: "POST",
    path: "/v1/users/search",
    pathParams: [],
    fields: "body",
    host: "api",
    request: UsersSearchRequest,
    response: UsersSearchResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  update: endpoint({
    id: "users.update",
    method: "PUT",
    path: "/v1/users/{user_id}",
    pathParams: ["user_id"],
    fields: "body",
    host: "api",
    request: UsersUpdateRequest,
    response: UsersUpdateResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  exchangePrimaryFactor: endpoint({
    id: "users.exchangePrimaryFactor",
    method: "PUT",
    path: "/v1/users/{user_id}/exchange_primary_factor",
    pathParams: ["user_id"],
    fields: "body",
    host: "api",
    request: UsersExchangePrimaryFactorRequest,
    response: UsersExchangePrimaryFactorResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  delete: endpoint({
    id: "users.delete",
    method: "DELETE",
    path: "/v1/users/{user_id}",
    pathParams: ["user_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteRequest,
    response: UsersDeleteResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteEmail: endpoint({
    id: "users.deleteEmail",
    method: "DELETE",
    path: "/v1/users/emails/{email_id}",
    pathParams: ["email_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteEmailRequest,
    response: UsersDeleteEmailResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deletePhoneNumber: endpoint({
    id: "users.deletePhoneNumber",
    method: "DELETE",
    path: "/v1/users/phone_numbers/{phone_id}",
    pathParams: ["phone_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeletePhoneNumberRequest,
    response: UsersDeletePhoneNumberResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteWebAuthnRegistration: endpoint({
    id: "users.deleteWebAuthnRegistration",
    method: "DELETE",
    path: "/v1/users/webauthn_registrations/{webauthn_registration_id}",
    pathParams: ["webauthn_registration_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteWebAuthnRegistrationRequest,
    response: UsersDeleteWebAuthnRegistrationResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteBiometricRegistration: endpoint({
    id: "users.deleteBiometricRegistration",
    method: "DELETE",
    path: "/v1/users/biometric_registrations/{biometric_registration_id}",
    pathParams: ["biometric_registration_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteBiometricRegistrationRequest,
    response: UsersDeleteBiometricRegistrationResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteTOTP: endpoint({
    id: "users.deleteTOTP",
    method: "DELETE",
    path: "/v1/users/totps/{totp_id}",
    pathParams: ["totp_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteTOTPRequest,
    response: UsersDeleteTOTPResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteCryptoWallet: endpoint({
    id: "users.deleteCryptoWallet",
    method: "DELETE",
    path: "/v1/users/crypto_wallets/{crypto_wallet_id}",
    pathParams: ["crypto_wallet_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteCryptoWalletRequest,
    response: UsersDeleteCryptoWalletResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deletePassword: endpoint({
    id: "users.deletePassword",
    method: "DELETE",
    path: "/v1/users/passwords/{password_id}",
    pathParams: ["password_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeletePasswordRequest,
    response: UsersDeletePasswordResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteOAuthRegistration: endpoint({
    id: "users.deleteOAuthRegistration",
    method: "DELETE",
    path: "/v1/users/oauth/{oauth_user_registration_id}",
    pathParams: ["oauth_user_registration_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteOAuthRegistrationRequest,
    response: UsersDeleteOAuthRegistrationResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  deleteExternalId: endpoint({
    id: "users.deleteExternalId",
    method: "DELETE",
    path: "/v1/users/{user_id}/external_id",
    pathParams: ["user_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersDeleteExternalIdRequest,
    response: UsersDeleteExternalIdResponse,
    retry: "transient",
    session: false,
    inSeed: false
  }),
  connectedApps: endpoint({
    id: "users.connectedApps",
    method: "GET",
    path: "/v1/users/{user_id}/connected_apps",
    pathParams: ["user_id"],
    fields: "none",
    host: "api",
    request: UsersConnectedAppsRequest,
    response: UsersConnectedAppsResponse,
    retry: "transient",
    session: false,
    inSeed: false
  }),
  revoke: endpoint({
    id: "users.revoke",
    method: "POST",
    path: "/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke",
    pathParams: ["user_id", "connected_app_id"],
    fields: "emptyBody",
    host: "api",
    request: UsersRevokeRequest,
    response: UsersRevokeResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: false
  })
};
var webauthn = {
  registerStart: endpoint({
    id: "webauthn.registerStart",
    method: "POST",
    path: "/v1/webauthn/register/start",
    pathParams: [],
    fields: "body",
    host: "api",
    request: WebAuthnRegisterStartRequest,
    response: WebAuthnRegisterStartResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  register: endpoint({
    id: "webauthn.register",
    method: "POST",
    path: "/v1/webauthn/register",
    pathParams: [],
    fields: "body",
    host: "api",
    request: WebAuthnRegisterRequest,
    response: WebAuthnRegisterResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  authenticateStart: endpoint({
    id: "webauthn.authenticateStart",
    method: "POST",
    path: "/v1/webauthn/authenticate/start",
    pathParams: [],
    fields: "body",
    host: "api",
    request: WebAuthnAuthenticateStartRequest,
    response: WebAuthnAuthenticateStartResponse,
    retry: "rateLimitOnly",
    session: false,
    inSeed: true
  }),
  authenticate: endpoint({
    id: "webauthn.authenticate",
    method: "POST",
    path: "/v1/webauthn/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: WebAuthnAuthenticateRequest,
    response: WebAuthnAuthenticateResponse,
    retry: "rateLimitOnly",
    session: true,
    inSeed: true
  }),
  update: endpoint({
    id: "webauthn.update",
    method: "PUT",
    path: "/v1/webauthn/{webauthn_registration_id}",
    pathParams: ["webauthn_registration_id"],
    fields: "body",
    host: "api",
    request: WebAuthnUpdateRequest,
    response: WebAuthnUpdateResponse,
    retry: "transient",
    session: false,
    inSeed: true
  }),
  listCredentials: endpoint({
    id: "webauthn.listCredentials",
    method: "GET",
    path: "/v1/webauthn/credentials/{user_id}/{domain}",
    pathParams: ["user_id", "domain"],
    fields: "none",
    host: "api",
    request: WebAuthnListCredentialsRequest,
    response: WebAuthnListCredentialsResponse,
    retry: "transient",
    session: false,
    inSeed: false
  })
};
var all3 = [
  connectedApp.clients.get,
  connectedApp.clients.update,
  connectedApp.clients.delete,
  connectedApp.clients.search,
  connectedApp.clients.create,
  connectedApp.clients.secrets.rotateStart,
  connectedApp.clients.secrets.rotateCancel,
  connectedApp.clients.secrets.rotate,
  cryptoWallets.authenticateStart,
  cryptoWallets.authenticate,
  debug.whoami,
  fraud.fingerprint.lookup,
  fraud.rules.set,
  fraud.rules.list,
  fraud.verdictReasons.override,
  fraud.verdictReasons.list,
  fraud.email.risk,
  idp.oauth.authorizeStart,
  idp.oauth.authorize,
  impersonation.authenticate,
  m2m.clients.get,
  m2m.clients.search,
  m2m.clients.update,
  m2m.clients.delete,
  m2m.clients.create,
  m2m.clients.secrets.rotateStart,
  m2m.clients.secrets.rotateCancel,
  m2m.clients.secrets.rotate,
  magicLinks.authenticate,
  magicLinks.create,
  magicLinks.email.send,
  magicLinks.email.loginOrCreate,
  magicLinks.email.invite,
  magicLinks.email.revokeInvite,
  oauth.attach,
  oauth.authenticate,
  otps.authenticate,
  otps.sms.send,
  otps.sms.loginOrCreate,
  otps.whatsapp.send,
  otps.whatsapp.loginOrCreate,
  otps.email.send,
  otps.email.loginOrCreate,
  passwords.create,
  passwords.authenticate,
  passwords.strengthCheck,
  passwords.migrate,
  passwords.email.resetStart,
  passwords.email.reset,
  passwords.existingPassword.reset,
  passwords.sessions.reset,
  project.metrics,
  rbac.policy,
  sessions.get,
  sessions.authenticate,
  sessions.revoke,
  sessions.migrate,
  sessions.exchangeAccessToken,
  sessions.getJWKS,
  sessions.attest,
  totps.create,
  totps.authenticate,
  totps.recoveryCodes,
  totps.recover,
  users.create,
  users.get,
  users.search,
  users.update,
  users.exchangePrimaryFactor,
  users.delete,
  users.deleteEmail,
  users.deletePhoneNumber,
  users.deleteWebAuthnRegistration,
  users.deleteBiometricRegistration,
  users.deleteTOTP,
  users.deleteCryptoWallet,
  users.deletePassword,
  users.deleteOAuthRegistration,
  users.deleteExternalId,
  users.connectedApps,
  users.revoke,
  webauthn.registerStart,
  webauthn.register,
  webauthn.authenticateStart,
  webauthn.authenticate,
  webauthn.update,
  webauthn.listCredentials
];

// src/services/ConnectedApp.ts
var ConnectedApp2 = class extends Context3.Tag("effect-stytch/ConnectedApp")() {
};
var make5 = Effect4.map(StytchHttp, (http2) => ConnectedApp2.of({
  ...makeClient(http2, connectedApp)
}));
var layer3 = Layer3.effect(ConnectedApp2, make5);

// src/services/CryptoWallets.ts
import * as Context4 from "effect/Context";
import * as Effect5 from "effect/Effect";
import * as Layer4 from "effect/Layer";
var CryptoWallets = class extends Context4.Tag("effect-stytch/CryptoWallets")() {
};
var make6 = Effect5.map(StytchHttp, (http2) => CryptoWallets.of({
  ...makeClient(http2, cryptoWallets),
  authenticateWithClaims: withClaims(http2, cryptoWallets.authenticate)
}));
var layer4 = Layer4.effect(CryptoWallets, make6);

// src/services/Debug.ts
import * as Context5 from "effect/Context";
import * as Effect6 from "effect/Effect";
import * as Layer5 from "effect/Layer";
var Debug = class extends Context5.Tag("effect-stytch/Debug")() {
};
var make7 = Effect6.map(StytchHttp, (http2) => Debug.of({
  ...makeClient(http2, debug)
}));
var layer5 = Layer5.effect(Debug, make7);

// src/services/Fraud.ts
import * as Context6 from "effect/Context";
import * as Effect7 from "effect/Effect";
import * as Layer6 from "effect/Layer";
var Fraud = class extends Context6.Tag("effect-stytch/Fraud")() {
};
var make8 = Effect7.map(StytchHttp, (http2) => Fraud.of({
  ...makeClient(http2, fraud)
}));
var layer6 = Layer6.effect(Fraud, make8);

// src/services/IDP.ts
import * as Context7 from "effect/Context";
import * as Effect8 from "effect/Effect";
import * as Layer7 from "effect/Layer";
var IDP = class extends Context7.Tag("effect-stytch/IDP")() {
};
var make9 = Effect8.map(StytchHttp, (http2) => IDP.of(makeClient(http2, idp)));
var layer7 = Layer7.effect(IDP, make9);

// src/services/Impersonation.ts
import * as Context8 from "effect/Context";
import * as Effect9 from "effect/Effect";
import * as Layer8 from "effect/Layer";
var Impersonation = class extends Context8.Tag("effect-stytch/Impersonation")() {
};
var make10 = Effect9.map(StytchHttp, (http2) => Impersonation.of({
  ...makeClient(http2, impersonation)
}));
var layer8 = Layer8.effect(Impersonation, make10);

// src/layers/JwksCache.ts
import * as Context9 from "effect/Context";
import * as Duration3 from "effect/Duration";
import * as Effect10 from "effect/Effect";
import * as Layer9 from "effect/Layer";
import * as jose from "jose";
var JwksCache = class extends Context9.Tag("effect-stytch/JwksCache")() {
};
var make11 = (options = {}) => Effect10.gen(function* () {
  const http2 = yield* StytchHttp;
  const ttl = Duration3.toMillis(options.ttl ?? Duration3.minutes(10));
  const kidInterval = Duration3.toMillis(options.unknownKidRefetchInterval ?? Duration3.seconds(10));
  const lock = yield* Effect10.makeSemaphore(1);
  let keys = /* @__PURE__ */ new Map();
  let fetchedAt = -Infinity;
  let attemptedAt = -Infinity;
  let kidRefetchAt = -Infinity;
  let generation = 0;
  let keysVersion = 0;
  const fetch2 = Effect10.gen(function* () {
    attemptedAt = yield* Effect10.clockWith((c) => c.currentTimeMillis);
    const response = yield* http2.call(sessions.getJWKS, { project_id: http2.config.projectId });
    const next2 = /* @__PURE__ */ new Map();
    for (const jwk of response.keys) {
      if (jwk.kty !== "RSA" || jwk.alg !== void 0 && jwk.alg !== "RS256") continue;
      const imported = yield* Effect10.tryPromise(() => jose.importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, "RS256")).pipe(
        Effect10.option
      );
      if (imported._tag === "Some" && !(imported.value instanceof Uint8Array)) next2.set(jwk.kid, imported.value);
    }
    keys = next2;
    keysVersion++;
    fetchedAt = attemptedAt;
  }).pipe(Effect10.ensuring(Effect10.sync(() => generation++)));
  const refresh = (reason, seen) => lock.withPermits(1)(Effect10.suspend(() => {
    if (generation !== seen) return Effect10.void;
    return Effect10.flatMap(Effect10.clockWith((c) => c.currentTimeMillis), (now) => {
      if (reason === "unknownKid") {
        if (now - kidRefetchAt < kidInterval) return Effect10.void;
        kidRefetchAt = now;
      } else if (keys.size > 0 && attemptedAt > fetchedAt && now - attemptedAt < kidInterval) {
        return Effect10.void;
      }
      return keys.size > 0 ? Effect10.ignore(fetch2) : fetch2;
    });
  }));
  const key = (kid) => Effect10.gen(function* () {
    const seen = generation;
    const now = yield* Effect10.clockWith((c) => c.currentTimeMillis);
    if (now - fetchedAt >= ttl) yield* refresh("stale", seen);
    const known = keys.get(kid);
    if (known !== void 0) return known;
    yield* refresh("unknownKid", seen);
    return keys.get(kid);
  });
  return JwksCache.of({
    key,
    knownKey: (kid, now) => now - fetchedAt < ttl ? keys.get(kid) : void 0,
    version: () => keysVersion,
    invalidate: Effect10.sync(() => {
      keys = /* @__PURE__ */ new Map();
      keysVersion++;
      fetchedAt = -Infinity;
      attemptedAt = -Infinity;
      kidRefetchAt = -Infinity;
    })
  });
});
var layer9 = (options) => Layer9.effect(JwksCache, make11(options));

// src/services/M2M.ts
import * as Context10 from "effect/Context";
import * as Effect11 from "effect/Effect";
import * as Layer10 from "effect/Layer";
var M2M = class extends Context10.Tag("effect-stytch/M2M")() {
};
var make12 = Effect11.map(StytchHttp, (http2) => M2M.of(makeClient(http2, m2m)));
var layer10 = Layer10.effect(M2M, make12);

// src/services/MagicLinks.ts
import * as Context11 from "effect/Context";
import * as Effect12 from "effect/Effect";
import * as Layer11 from "effect/Layer";
var MagicLinks = class extends Context11.Tag("effect-stytch/MagicLinks")() {
};
var make13 = Effect12.map(StytchHttp, (http2) => MagicLinks.of({
  ...makeClient(http2, magicLinks),
  authenticateWithClaims: withClaims(http2, magicLinks.authenticate)
}));
var layer11 = Layer11.effect(MagicLinks, make13);

// src/services/OAuth.ts
import * as Context12 from "effect/Context";
import * as Effect13 from "effect/Effect";
import * as Layer12 from "effect/Layer";
var OAuth = class extends Context12.Tag("effect-stytch/OAuth")() {
};
var make14 = Effect13.map(StytchHttp, (http2) => OAuth.of({
  ...makeClient(http2, oauth),
  authenticateWithClaims: withClaims(http2, oauth.authenticate)
}));
var layer12 = Layer12.effect(OAuth, make14);

// src/services/OTPs.ts
import * as Context13 from "effect/Context";
import * as Effect14 from "effect/Effect";
import * as Layer13 from "effect/Layer";
var OTPs = class extends Context13.Tag("effect-stytch/OTPs")() {
};
var make15 = Effect14.map(StytchHttp, (http2) => OTPs.of({
  ...makeClient(http2, otps),
  authenticateWithClaims: withClaims(http2, otps.authenticate)
}));
var layer13 = Layer13.effect(OTPs, make15);

// src/services/Passwords.ts
import * as Context14 from "effect/Context";
import * as Effect15 from "effect/Effect";
import * as Layer14 from "effect/Layer";
var Passwords = class extends Context14.Tag("effect-stytch/Passwords")() {
};
var make16 = Effect15.map(StytchHttp, (http2) => Passwords.of({
  ...makeClient(http2, passwords),
  authenticateWithClaims: withClaims(http2, passwords.authenticate)
}));
var layer14 = Layer14.effect(Passwords, make16);

// src/services/Project.ts
import * as Context15 from "effect/Context";
import * as Effect16 from "effect/Effect";
import * as Layer15 from "effect/Layer";
var Project = class extends Context15.Tag("effect-stytch/Project")() {
};
var make17 = Effect16.map(StytchHttp, (http2) => Project.of({
  ...makeClient(http2, project)
}));
var layer15 = Layer15.effect(Project, make17);

// src/services/RBAC.ts
import * as Context16 from "effect/Context";
import * as Effect17 from "effect/Effect";
import * as Layer16 from "effect/Layer";
var RBAC = class extends Context16.Tag("effect-stytch/RBAC")() {
};
var make18 = Effect17.map(StytchHttp, (http2) => RBAC.of({
  ...makeClient(http2, rbac)
}));
var layer16 = Layer16.effect(RBAC, make18);

// src/services/Sessions.ts
import * as Context17 from "effect/Context";
import * as Effect18 from "effect/Effect";
import * as Layer17 from "effect/Layer";
import * as jose2 from "jose";
var Sessions = class extends Context17.Tag("effect-stytch/Sessions")() {
};
var SESSION_CLAIM = "https://stytch.com/session";
var REGISTERED = /* @__PURE__ */ new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", SESSION_CLAIM]);
var UnknownKid = class {
  constructor(kid) {
    this.kid = kid;
  }
  kid;
};
var joseFailure = (error) => {
  if (error instanceof UnknownKid) return new StytchJwtUnknownKey({ detail: `no key with kid ${error.kid}` });
  if (error instanceof jose2.errors.JWTExpired) return new StytchJwtExpired({ detail: error.message });
  if (error instanceof jose2.errors.JWTClaimValidationFailed) {
    const detail = error.message;
    switch (error.claim) {
      case "nbf":
        return new StytchJwtNotYetValid({ detail });
      case "iss":
        return new StytchJwtInvalidIssuer({ detail });
      case "aud":
        return new StytchJwtInvalidAudience({ detail });
      default:
        return new StytchJwtMalformed({ detail });
    }
  }
  if (error instanceof jose2.errors.JOSEAlgNotAllowed) {
    return new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" });
  }
  if (error instanceof jose2.errors.JWSSignatureVerificationFailed) {
    return new StytchJwtInvalidSignature({ detail: "the signature does not verify" });
  }
  return new StytchJwtMalformed({ detail: error instanceof Error ? error.message : "not a JWT" });
};
var make19 = Effect18.gen(function* () {
  const http2 = yield* StytchHttp;
  const jwks = yield* JwksCache;
  const client = makeClient(http2, sessions);
  const { baseUrl, projectId } = http2.config;
  const verifyOptions = {
    algorithms: ["RS256"],
    issuer: [`stytch.com/${projectId}`, baseUrl],
    audience: projectId,
    typ: "JWT"
  };
  const verified = /* @__PURE__ */ new Map();
  const VERIFIED_MAX = 1024;
  const resolverAt = (now, given) => (header) => {
    if (header.alg !== "RS256") throw new jose2.errors.JOSEAlgNotAllowed("alg not allowed");
    const key = header.kid === void 0 ? void 0 : given ?? jwks.knownKey(header.kid, now);
    if (key === void 0) throw new UnknownKid(header.kid ?? "(none)");
    return key;
  };
  const verify2 = (request, now, key) => Effect18.tryPromise({
    try: () => jose2.jwtVerify(request.session_jwt, resolverAt(now, key), {
      ...verifyOptions,
      currentDate: new Date(now),
      ...request.clock_tolerance_seconds ? { clockTolerance: request.clock_tolerance_seconds } : {}
    }),
    catch: (error) => error
  });
  const checkTimes = (payload, request, now) => {
    const seconds4 = Math.floor(now / 1e3);
    const tolerance = request.clock_tolerance_seconds ?? 0;
    if (typeof payload.nbf === "number" && payload.nbf > seconds4 + tolerance) {
      return new StytchJwtNotYetValid({ detail: '"nbf" claim timestamp check failed' });
    }
    if (typeof payload.exp === "number" && payload.exp <= seconds4 - tolerance) {
      return new StytchJwtExpired({ detail: '"exp" claim timestamp check failed' });
    }
    return void 0;
  };
  const checkAge = (payload, request, now) => {
    const maxAge = request.max_token_age_seconds;
    if (maxAge === void 0) return void 0;
    if (typeof payload.iat !== "number") return new StytchJwtMalformed({ detail: "no iat claim" });
    if (now / 1e3 - payload.iat >= maxAge) {
      return new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAge} s or more ago` });
    }
    return void 0;
  };
  const sessionOf = (payload) => {
    const claim = payload[SESSION_CLAIM];
    if (typeof claim !== "object" || claim === null || typeof claim.id !== "string") {
      return new StytchJwtMalformed({ detail: "no valid Stytch session claim" });
    }
    const str = (v) => typeof v === "string" ? v : void 0;
    const custom_claims = {};
    for (const k in payload) if (!REGISTERED.has(k)) custom_claims[k] = payload[k];
    const started_at = str(claim.started_at);
    const last_accessed_at = str(claim.last_accessed_at);
    const attributes = claim.attributes;
    return {
      session_id: claim.id,
      user_id: payload.sub ?? "",
      authentication_factors: Array.isArray(claim.authentication_factors) ? claim.authentication_factors : [],
      roles: Array.isArray(claim.roles) ? claim.roles.filter((r) => typeof r === "string") : [],
      ...started_at === void 0 ? {} : { started_at },
      ...last_accessed_at === void 0 ? {} : { last_accessed_at },
      // Prefer the session's own expiry; the JWT's exp is only the token's.
      expires_at: str(claim.expires_at) ?? new Date((payload.exp ?? 0) * 1e3).toISOString(),
      ...typeof attributes === "object" && attributes !== null ? { attributes } : {},
      custom_claims
    };
  };
  const remember = (token, kid, payload, session) => {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value);
    verified.set(token, { version: jwks.version(), kid, payload, session });
  };
  const authenticateJwtLocalRaw = (request) => Effect18.flatMap(Effect18.clockWith((c) => c.currentTimeMillis), (now) => {
    const hit = verified.get(request.session_jwt);
    if (hit !== void 0 && hit.version === jwks.version() && jwks.knownKey(hit.kid, now)) {
      const failure = checkTimes(hit.payload, request, now) ?? checkAge(hit.payload, request, now);
      return failure === void 0 ? Effect18.succeed(hit.session) : Effect18.fail(failure);
    }
    return Effect18.gen(function* () {
      let result = yield* Effect18.either(verify2(request, now));
      if (result._tag === "Left" && result.left instanceof UnknownKid) {
        const key = yield* jwks.key(result.left.kid);
        if (key !== void 0) result = yield* Effect18.either(verify2(request, now, key));
      }
      if (result._tag === "Left") return yield* joseFailure(result.left);
      const { payload, protectedHeader } = result.right;
      const session = sessionOf(payload);
      if (session instanceof StytchJwtMalformed) return yield* session;
      const tooOld = checkAge(payload, request, now);
      remember(request.session_jwt, protectedHeader.kid, payload, session);
      if (tooOld !== void 0) return yield* tooOld;
      return session;
    });
  });
  const authenticateJwtLocal = (request) => authenticateJwtLocalRaw(request).pipe(
    Effect18.withSpan("Stytch.sessions.authenticateJwtLocal", { captureStackTrace: false })
  );
  const authenticateJwt = (request) => authenticateJwtLocalRaw(request).pipe(
    Effect18.map((session) => ({ verified: "local", session, session_jwt: request.session_jwt })),
    Effect18.catchIf(
      (error) => error._tag.startsWith("StytchJwt"),
      () => Effect18.map(
        client.authenticate({
          session_jwt: request.session_jwt,
          ...request.session_duration_minutes === void 0 ? {} : { session_duration_minutes: request.session_duration_minutes },
          ...request.session_custom_claims === void 0 ? {} : { session_custom_claims: request.session_custom_claims }
        }),
        (response) => ({
          verified: "remote",
          session: response.session,
          session_jwt: response.session_jwt,
          response
        })
      )
    ),
    Effect18.withSpan("Stytch.sessions.authenticateJwt", { captureStackTrace: false })
  );
  return Sessions.of({
    ...client,
    authenticateWithClaims: withClaims(http2, sessions.authenticate),
    authenticateJwtLocal,
    authenticateJwtLocalWithClaims: (request, claims) => Effect18.flatMap(authenticateJwtLocal(request), (session) => decodeClaims(session, session.custom_claims, claims)),
    authenticateJwt,
    authenticateJwtWithClaims: (request, claims) => Effect18.flatMap(authenticateJwt(request), (result) => decodeClaims(result, result.session.custom_claims, claims))
  });
});
var layer17 = Layer17.effect(Sessions, make19);

// src/layers/Stytch.ts
import * as Layer21 from "effect/Layer";

// src/services/TOTPs.ts
import * as Context18 from "effect/Context";
import * as Effect19 from "effect/Effect";
import * as Layer18 from "effect/Layer";
var TOTPs = class extends Context18.Tag("effect-stytch/TOTPs")() {
};
var make20 = Effect19.map(StytchHttp, (http2) => TOTPs.of({
  ...makeClient(http2, totps),
  authenticateWithClaims: withClaims(http2, totps.authenticate)
}));
var layer18 = Layer18.effect(TOTPs, make20);

// src/services/Users.ts
var Users_exports = {};
__export(Users_exports, {
  BiometricRegistration: () => BiometricRegistration,
  CryptoWallet: () => CryptoWallet,
  OAuthProvider: () => OAuthProvider,
  Password: () => Password,
  SearchUsersQuery: () => SearchUsersQuery,
  SearchUsersQueryOperand: () => SearchUsersQueryOperand,
  TOTP: () => TOTP,
  User: () => User,
  UserConnectedApp: () => UserConnectedApp,
  Users: () => Users,
  UsersConnectedAppsRequest: () => UsersConnectedAppsRequest,
  UsersConnectedAppsResponse: () => UsersConnectedAppsResponse,
  UsersCreateRequest: () => UsersCreateRequest,
  UsersCreateResponse: () => UsersCreateResponse,
  UsersDeleteBiometricRegistrationRequest: () => UsersDeleteBiometricRegistrationRequest,
  UsersDeleteBiometricRegistrationResponse: () => UsersDeleteBiometricRegistrationResponse,
  UsersDeleteCryptoWalletRequest: () => UsersDeleteCryptoWalletRequest,
  UsersDeleteCryptoWalletResponse: () => UsersDeleteCryptoWalletResponse,
  UsersDeleteEmailRequest: () => UsersDeleteEmailRequest,
  UsersDeleteEmailResponse: () => UsersDeleteEmailResponse,
  UsersDeleteExternalIdRequest: () => UsersDeleteExternalIdRequest,
  UsersDeleteExternalIdResponse: () => UsersDeleteExternalIdResponse,
  UsersDeleteOAuthRegistrationRequest: () => UsersDeleteOAuthRegistrationRequest,
  UsersDeleteOAuthRegistrationResponse: () => UsersDeleteOAuthRegistrationResponse,
  UsersDeletePasswordRequest: () => UsersDeletePasswordRequest,
  UsersDeletePasswordResponse: () => UsersDeletePasswordResponse,
  UsersDeletePhoneNumberRequest: () => UsersDeletePhoneNumberRequest,
  UsersDeletePhoneNumberResponse: () => UsersDeletePhoneNumberResponse,
  UsersDeleteRequest: () => UsersDeleteRequest,
  UsersDeleteResponse: () => UsersDeleteResponse,
  UsersDeleteTOTPRequest: () => UsersDeleteTOTPRequest,
  UsersDeleteTOTPResponse: () => UsersDeleteTOTPResponse,
  UsersDeleteWebAuthnRegistrationRequest: () => UsersDeleteWebAuthnRegistrationRequest,
  UsersDeleteWebAuthnRegistrationResponse: () => UsersDeleteWebAuthnRegistrationResponse,
  UsersEmail: () => UsersEmail,
  UsersExchangePrimaryFactorRequest: () => UsersExchangePrimaryFactorRequest,
  UsersExchangePrimaryFactorResponse: () => UsersExchangePrimaryFactorResponse,
  UsersGetRequest: () => UsersGetRequest,
  UsersGetResponse: () => UsersGetResponse,
  UsersName: () => UsersName,
  UsersPhoneNumber: () => UsersPhoneNumber,
  UsersResultsMetadata: () => UsersResultsMetadata,
  UsersRevokeRequest: () => UsersRevokeRequest,
  UsersRevokeResponse: () => UsersRevokeResponse,
  UsersSearchRequest: () => UsersSearchRequest,
  UsersSearchResponse: () => UsersSearchResponse,
  UsersUpdateRequest: () => UsersUpdateRequest,
  UsersUpdateResponse: () => UsersUpdateResponse,
  WebAuthnRegistration: () => WebAuthnRegistration,
  layer: () => layer19,
  make: () => make21
});
import * as Context19 from "effect/Context";
import * as Effect20 from "effect/Effect";
import * as Layer19 from "effect/Layer";
import * as Option2 from "effect/Option";
import * as Stream from "effect/Stream";
var Users = class extends Context19.Tag("effect-stytch/Users")() {
};
var make21 = Effect20.gen(function* () {
  const http2 = yield* StytchHttp;
  const client = makeClient(http2, users);
  const searchAll = (request = {}) => Stream.paginateEffect(request.cursor, (cursor) => Effect20.map(client.search(cursor === void 0 ? request : { ...request, cursor }), (page) => {
    const next2 = page.results_metadata.next_cursor;
    return [page.results, next2 ? Option2.some(next2) : Option2.none()];
  })).pipe(Stream.flattenIterables);
  return Users.of({ ...client, searchAll });
});
var layer19 = Layer19.effect(Users, make21);

// src/services/WebAuthn.ts
import * as Context20 from "effect/Context";
import * as Effect21 from "effect/Effect";
import * as Layer20 from "effect/Layer";
var WebAuthn = class extends Context20.Tag("effect-stytch/WebAuthn")() {
};
var make22 = Effect21.map(StytchHttp, (http2) => WebAuthn.of({
  ...makeClient(http2, webauthn),
  authenticateWithClaims: withClaims(http2, webauthn.authenticate)
}));
var layer20 = Layer20.effect(WebAuthn, make22);

// src/layers/Stytch.ts
var areas = Layer21.mergeAll(
  layer19,
  layer17,
  layer14,
  layer11,
  layer13,
  layer12,
  layer18,
  layer20,
  layer4,
  layer10,
  layer6,
  layer15,
  layer3,
  layer7,
  layer8,
  layer16,
  layer5
);
var layerWithoutConfig = areas.pipe(
  Layer21.provideMerge(layer9()),
  Layer21.provideMerge(layer2)
);
var layer21 = (options) => layerWithoutConfig.pipe(Layer21.provideMerge(layer(options)));
var layerConfig2 = layerWithoutConfig.pipe(Layer21.provideMerge(layerFromEnv));

// src/emulator/Emulator.ts
var Emulator_exports = {};
__export(Emulator_exports, {
  EmulatorServer: () => EmulatorServer,
  StytchEmulator: () => StytchEmulator,
  httpClient: () => httpClient,
  inProcessBaseUrl: () => inProcessBaseUrl,
  layer: () => layer22,
  layerServer: () => layerServer,
  layerStytch: () => layerStytch,
  make: () => make26,
  serve: () => serve
});
import * as HttpClient3 from "@effect/platform/HttpClient";
import * as HttpClientError from "@effect/platform/HttpClientError";
import * as HttpClientResponse from "@effect/platform/HttpClientResponse";
import * as Context21 from "effect/Context";
import * as Effect33 from "effect/Effect";
import * as Layer22 from "effect/Layer";
import * as Redacted2 from "effect/Redacted";
import * as Runtime from "effect/Runtime";
import * as http from "node:http";

// src/emulator/internal/app.ts
import * as Effect22 from "effect/Effect";
import * as Schema3 from "effect/Schema";
import { randomUUID } from "node:crypto";
var ApiFailure = class {
  constructor(error_type, status, error_message, error_details) {
    this.error_type = error_type;
    this.status = status;
    this.error_message = error_message;
    this.error_details = error_details;
  }
  error_type;
  status;
  error_message;
  error_details;
  _tag = "ApiFailure";
};
var fail5 = (error_type, message, status) => Effect22.fail(apiFailure(error_type, message, status));
var apiFailure = (error_type, message, status) => {
  const known = facts[error_type];
  return new ApiFailure(
    error_type,
    status ?? known?.status ?? 400,
    message ?? known?.message ?? error_type.replace(/_/g, " ")
  );
};
var DEFAULT_ERROR_TYPE = {
  400: "bad_request",
  401: "unauthorized_credentials",
  404: "route_not_found",
  408: "request_timeout",
  429: "too_many_requests",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout"
};
var routes = all3.map((endpoint2) => ({
  endpoint: endpoint2,
  method: endpoint2.method,
  pattern: new RegExp(`^${endpoint2.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`)
}));
var staticRoutes = new Map(
  routes.filter((r) => r.endpoint.pathParams.length === 0).map((r) => [`${r.method} ${r.endpoint.path}`, r])
);
var paramRoutes = routes.filter((r) => r.endpoint.pathParams.length > 0);
var match = (method, path) => {
  const exact = staticRoutes.get(`${method} ${path}`);
  if (exact !== void 0) return { route: exact, params: {} };
  let otherMethod = false;
  for (const route of paramRoutes) {
    const m = route.pattern.exec(path);
    if (m === null) continue;
    if (route.method !== method) {
      otherMethod = true;
      continue;
    }
    const params = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
    return { route, params };
  }
  if (!otherMethod) {
    for (const r of staticRoutes.values()) if (r.endpoint.path === path) otherMethod = true;
  }
  return otherMethod ? "methodNotAllowed" : void 0;
};
var decoders2 = /* @__PURE__ */ new Map();
var encoders2 = /* @__PURE__ */ new Map();
var compiled = (map28, schema, make27) => {
  let fn = map28.get(schema);
  if (fn === void 0) map28.set(schema, fn = make27(schema));
  return fn;
};
var guards = /* @__PURE__ */ new Map();
var compiledIs = (schema) => {
  let fn = guards.get(schema);
  if (fn === void 0) guards.set(schema, fn = Schema3.is(Schema3.typeSchema(schema)));
  return fn;
};
var json = (status, body, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
});
var errorResponse = (failure, request_id, headers = {}) => json(failure.status, {
  status_code: failure.status,
  request_id,
  error_type: failure.error_type,
  error_message: failure.error_message,
  error_url: `https://stytch.com/docs/api/errors/${failure.status}#${failure.error_type}`,
  ...failure.error_details === void 0 ? {} : { error_details: failure.error_details }
}, headers);
var lastAuth;
var checkAuth = (header, projectId, secret) => {
  if (header === void 0 || !header.startsWith("Basic ")) return false;
  if (lastAuth?.header === header && lastAuth.projectId === projectId && lastAuth.secret === secret) return true;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const ok = colon > 0 && decoded.slice(0, colon) === projectId && decoded.slice(colon + 1) === secret;
  if (ok) lastAuth = { header, projectId, secret };
  return ok;
};
var takeFault = (faults, path) => {
  const i = faults.findIndex((f) => f.pathPrefix === void 0 || path.startsWith(f.pathPrefix));
  return i < 0 ? void 0 : faults.splice(i, 1)[0];
};
var handle = (state, request, baseUrl) => Effect22.gen(function* () {
  const now = yield* Effect22.clockWith((c) => c.currentTimeMillis);
  const request_id = `request-id-test-${randomUUID()}`;
  const queryAt = request.url.indexOf("?");
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const control = state.control(request, now);
  if (control !== void 0) return yield* control;
  const fault = takeFault(state.faults, path);
  if (fault !== void 0) {
    if (fault.delayMillis !== void 0) yield* Effect22.sleep(fault.delayMillis);
    if (fault.status !== void 0) {
      const headers = fault.retryAfter === void 0 ? {} : { "retry-after": fault.retryAfter };
      if (fault.rawBody !== void 0) {
        return { status: fault.status, headers: { "content-type": "text/html", ...headers }, body: fault.rawBody };
      }
      const error_type = fault.error_type ?? DEFAULT_ERROR_TYPE[fault.status] ?? "internal_server_error";
      return errorResponse(apiFailure(error_type, void 0, fault.status), request_id, headers);
    }
  }
  const found = match(request.method, path);
  if (found === void 0) return errorResponse(apiFailure("route_not_found"), request_id);
  if (found === "methodNotAllowed") return errorResponse(apiFailure("method_not_allowed"), request_id);
  const { params, route } = found;
  const { store } = state;
  const { settings } = store;
  if (!checkAuth(request.headers["authorization"], settings.projectId, settings.secret)) {
    return errorResponse(apiFailure("unauthorized_credentials"), request_id);
  }
  let input = {};
  if (route.endpoint.fields === "body") {
    try {
      const parsed = request.body === "" ? {} : JSON.parse(request.body);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      input = parsed;
    } catch {
      return errorResponse(apiFailure("bad_request", "The request body is not a JSON object."), request_id);
    }
  } else if (route.endpoint.fields === "query" && queryAt >= 0) {
    input = Object.fromEntries(new URLSearchParams(request.url.slice(queryAt + 1)));
  }
  input = { ...input, ...params };
  const decoded = compiled(decoders2, route.endpoint.request, Schema3.decodeUnknownEither)(input);
  if (decoded._tag === "Left") {
    return errorResponse(
      apiFailure("bad_request", `The request is invalid: ${describeParseError(decoded.left)}`),
      request_id
    );
  }
  store.expireUnverifiedFactors(now);
  const handler = state.handlers[route.endpoint.id];
  if (handler === void 0) {
    return errorResponse(
      new ApiFailure(
        "emulator_not_implemented",
        501,
        `The emulator does not implement ${route.endpoint.id} yet.`
      ),
      request_id
    );
  }
  const ctx = { store, keys: state.keys, now, request_id, headers: request.headers, baseUrl };
  const result = yield* Effect22.either(handler(ctx, decoded.right).pipe(
    Effect22.catchAllDefect(
      (defect) => Effect22.fail(new ApiFailure("internal_server_error", 500, `Emulator defect in ${route.endpoint.id}: ${String(defect)}`))
    )
  ));
  if (result._tag === "Left") return errorResponse(result.left, request_id);
  const body = { ...result.right, request_id, status_code: 200 };
  const valid = compiledIs(route.endpoint.response)(body);
  const encoded = valid ? { _tag: "Right", right: body } : compiled(encoders2, route.endpoint.response, Schema3.encodeUnknownEither)(body);
  if (encoded._tag === "Left") {
    return errorResponse(
      new ApiFailure(
        "internal_server_error",
        500,
        `Emulator bug: the ${route.endpoint.id} answer does not match its schema: ${describeParseError(encoded.left)}`
      ),
      request_id
    );
  }
  return json(200, encoded.right);
});

// src/emulator/internal/control.ts
import * as Effect23 from "effect/Effect";
var reply = (status, body) => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
});
var parse = (body) => {
  try {
    const value2 = body === "" ? {} : JSON.parse(body);
    return typeof value2 === "object" && value2 !== null && !Array.isArray(value2) ? value2 : void 0;
  } catch {
    return void 0;
  }
};
var makeControl = (emulator) => (request, _now) => {
  if (!request.url.startsWith("/emulator/v1/")) return void 0;
  const url = new URL(request.url, "http://emulator");
  const route = `${request.method} ${url.pathname.slice("/emulator/v1".length)}`;
  const body = parse(request.body);
  if (body === void 0) return Effect23.succeed(reply(400, { error: "the body must be a JSON object" }));
  switch (route) {
    case "GET /outbox": {
      const filter = {
        to: url.searchParams.get("to") ?? void 0,
        kind: url.searchParams.get("kind") ?? void 0,
        channel: url.searchParams.get("channel") ?? void 0
      };
      return Effect23.map(emulator.outbox(filter), (messages) => reply(200, { messages }));
    }
    case "POST /reset":
      return Effect23.as(emulator.reset, reply(200, { reset: true }));
    case "GET /settings":
      return Effect23.map(emulator.settings, (settings) => reply(200, { ...settings, secret: void 0 }));
    case "PATCH /settings":
      return Effect23.map(emulator.updateSettings(body), (settings) => reply(200, { ...settings, secret: void 0 }));
    case "POST /keys/rotate":
      return Effect23.map(emulator.rotateKeys, (kid) => reply(200, { kid }));
    case "POST /faults": {
      const { count, ...fault } = body;
      return Effect23.as(emulator.failNext(fault, typeof count === "number" ? count : 1), reply(200, { queued: true }));
    }
    case "POST /oauth/tokens":
      return Effect23.map(emulator.mintOAuthToken(body), (token) => reply(200, token));
    case "POST /sessions": {
      if (typeof body.user_id !== "string") return Effect23.succeed(reply(400, { error: "user_id is required" }));
      return emulator.seedSession(body).pipe(
        Effect23.map((seeded) => reply(200, seeded)),
        Effect23.catchAllDefect(
          (defect) => Effect23.succeed(reply(400, { error: defect instanceof Error ? defect.message : String(defect) }))
        )
      );
    }
    default:
      return Effect23.succeed(reply(404, { error: `no emulator control ${route}` }));
  }
};

// src/emulator/internal/jwt.ts
import { generateKeyPairSync, randomUUID as randomUUID2, sign, verify } from "node:crypto";
var makeKey = (projectId) => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const kid = `jwk-${projectId.startsWith("project-live-") ? "live" : "test"}-${randomUUID2()}`;
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kty: "RSA", use: "sig", alg: "RS256", kid, key_ops: ["verify"], n: jwk.n, e: jwk.e, x5c: [], x5tS256: "" }
  };
};
var b64url = (value2) => Buffer.from(JSON.stringify(value2)).toString("base64url");
var SigningKeys = class {
  constructor(projectId) {
    this.projectId = projectId;
  }
  projectId;
  keys = [];
  get current() {
    if (this.keys.length === 0) this.keys.push(makeKey(this.projectId));
    return this.keys[this.keys.length - 1];
  }
  /** Every key still served (newest last). */
  jwks() {
    void this.current;
    return this.keys.map((k) => k.jwk);
  }
  /** A new current key; old keys stay in the JWKS (up to `keep` keys in all). Returns the new kid. */
  rotate(keep = 2) {
    this.keys.push(makeKey(this.projectId));
    if (this.keys.length > keep) this.keys = this.keys.slice(-keep);
    return this.current.kid;
  }
  signJwt(payload) {
    const key = this.current;
    const input = `${b64url({ alg: "RS256", kid: key.kid, typ: "JWT" })}.${b64url(payload)}`;
    return `${input}.${sign("sha256", Buffer.from(input), key.privateKey).toString("base64url")}`;
  }
  /** Checks the signature against every served key; expiry is the caller's business (Stytch refreshes expired JWTs). */
  verifyJwt(token) {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    let header;
    let payload;
    try {
      header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
      payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    if (header.alg !== "RS256" || typeof payload !== "object" || payload === null) return { ok: false, reason: "malformed" };
    const key = this.keys.find((k) => k.kid === header.kid);
    if (key === void 0) return { ok: false, reason: "signature" };
    const valid = verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2], "base64url"));
    return valid ? { ok: true, payload } : { ok: false, reason: "signature" };
  }
};

// src/emulator/internal/store.ts
import { randomBytes as randomBytes2, randomUUID as randomUUID3 } from "node:crypto";

// src/emulator/crypto/passwords.ts
import * as crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { argon2i, argon2id } from "hash-wasm";
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as zxcvbnCommonPackage from "@zxcvbn-ts/language-common";

// src/emulator/crypto/breached-passwords.ts
var list = [
  "123456",
  "password",
  "123456789",
  "12345678",
  "12345",
  "qwerty",
  "abc123",
  "password1",
  "111111",
  "1234567",
  "123123",
  "1234567890",
  "1234",
  "000000",
  "iloveyou",
  "qwerty123",
  "1q2w3e4r",
  "1qaz2wsx",
  "qwertyuiop",
  "654321",
  "555555",
  "666666",
  "777777",
  "888888",
  "999999",
  "121212",
  "112233",
  "123321",
  "123qwe",
  "159753",
  "987654321",
  "696969",
  "11111111",
  "12341234",
  "123654",
  "1111",
  "0000",
  "2000",
  "aaaaaa",
  "abcdef",
  "abcd1234",
  "abc12345",
  "a123456",
  "a12345",
  "123456a",
  "password123",
  "password12",
  "password!",
  "password1!",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "p@$$w0rd",
  "pass",
  "pass123",
  "pass1234",
  "passpass",
  "letmein",
  "letmein1",
  "welcome",
  "welcome1",
  "welcome123",
  "admin",
  "admin123",
  "administrator",
  "root",
  "toor",
  "login",
  "guest",
  "master",
  "master123",
  "dragon",
  "monkey",
  "football",
  "baseball",
  "basketball",
  "soccer",
  "hockey",
  "superman",
  "batman",
  "spiderman",
  "starwars",
  "pokemon",
  "princess",
  "sunshine",
  "shadow",
  "michael",
  "jennifer",
  "jessica",
  "ashley",
  "daniel",
  "thomas",
  "jordan",
  "jordan23",
  "hunter",
  "hunter2",
  "harley",
  "ranger",
  "buster",
  "tigger",
  "charlie",
  "robert",
  "matthew",
  "andrew",
  "joshua",
  "george",
  "summer",
  "winter",
  "autumn",
  "spring",
  "flower",
  "freedom",
  "whatever",
  "trustno1",
  "secret",
  "secret123",
  "qazwsx",
  "zaq12wsx",
  "zxcvbnm",
  "zxcvbn",
  "asdfgh",
  "asdfghjkl",
  "asdf1234",
  "qwer1234",
  "q1w2e3r4",
  "1q2w3e",
  "1q2w3e4r5t",
  "qwert",
  "qwerty1",
  "qwertyu",
  "mustang",
  "access",
  "killer",
  "killer1",
  "hello",
  "hello123",
  "hellokitty",
  "lovely",
  "loveme",
  "love",
  "lover",
  "iloveu",
  "iloveyou1",
  "iloveyou2",
  "babygirl",
  "angel",
  "angels",
  "cookie",
  "chocolate",
  "cheese",
  "pepper",
  "ginger",
  "maggie",
  "bailey",
  "buddy",
  "lucky",
  "lucky1",
  "tiger",
  "jordan1",
  "nicole",
  "daniel1",
  "michelle",
  "amanda",
  "jasmine",
  "samantha",
  "justin",
  "taylor",
  "anthony",
  "william",
  "joseph",
  "patrick",
  "nathan",
  "austin",
  "chelsea",
  "liverpool",
  "arsenal",
  "barcelona",
  "chicago",
  "dallas",
  "yankees",
  "cowboys",
  "eagles",
  "steelers",
  "lakers",
  "packers",
  "corvette",
  "ferrari",
  "porsche",
  "mercedes",
  "computer",
  "internet",
  "samsung",
  "google",
  "apple",
  "microsoft",
  "matrix",
  "merlin",
  "phoenix",
  "falcon",
  "wizard",
  "dakota",
  "cheyenne",
  "blahblah",
  "whatever1",
  "nothing",
  "changeme",
  "default",
  "test",
  "test123",
  "test1234",
  "testing",
  "demo",
  "sample",
  "qwerty12",
  "qwerty1234",
  "1qazxsw2",
  "1234qwer",
  "12qwaszx",
  "asdasd",
  "asd123",
  "zxc123",
  "qweasd",
  "qweasdzxc",
  "aa123456",
  "123abc",
  "abc",
  "abcabc",
  "abcdefg",
  "abcdefgh",
  "abcde",
  "abcd",
  "monkey1",
  "dragon1",
  "shadow1",
  "sunshine1",
  "princess1",
  "football1",
  "baseball1",
  "superman1",
  "batman1",
  "charlie1",
  "michael1",
  "jessica1",
  "ashley1",
  "password2",
  "password3",
  "password01",
  "password2020",
  "password2021",
  "password2022",
  "password2023",
  "password2024",
  "welcome2020",
  "summer2020",
  "summer2021",
  "summer2022",
  "summer2023",
  "summer2024",
  "spring2024",
  "winter2023",
  "letmein123",
  "trustno1!",
  "mypassword",
  "mypass",
  "newpassword",
  "yourpassword",
  "secretpassword",
  "passwort",
  "motdepasse",
  "contrasena",
  "senha",
  "senha123",
  "parola",
  "wachtwoord",
  "salasana",
  "haslo",
  "qwertz",
  "azerty",
  "azerty123",
  "1qaz!qaz",
  "!qaz2wsx",
  "!@#$%^",
  "!@#$%^&*",
  "1q2w3e4r!",
  "zaq1zaq1",
  "zaq!2wsx",
  "q1w2e3r4t5",
  "q1w2e3",
  "147258369",
  "147258",
  "123789",
  "741852963",
  "789456123",
  "789456",
  "456789",
  "456123",
  "321654",
  "102030",
  "101010",
  "202020",
  "131313",
  "232323",
  "252525",
  "007007",
  "696969a",
  "11223344",
  "12344321",
  "123123123",
  "123456123",
  "1234512345",
  "0987654321",
  "9876543210",
  "12121212",
  "88888888",
  "66666666",
  "00000000",
  "99999999",
  "55555555",
  "87654321",
  "147852369",
  "1111111",
  "11111",
  "222222",
  "333333",
  "444444",
  "1212",
  "6969",
  "7777777",
  "2580",
  "5201314",
  "qwe123",
  "qweqwe",
  "qwerty!",
  "qwerty12345",
  "asdfasdf",
  "asdfgh1",
  "zxcvbnm1",
  "monkey123",
  "dragon123",
  "soccer1",
  "hockey1",
  "starwars1",
  "pokemon1",
  "minecraft",
  "fortnite",
  "roblox",
  "gaming",
  "gamer",
  "playstation",
  "xbox360",
  "nintendo",
  "naruto",
  "sasuke",
  "onepiece",
  "snoopy",
  "garfield",
  "mickey",
  "minnie",
  "tweety",
  "scooby",
  "bubbles",
  "butterfly",
  "rainbow",
  "sunflower",
  "diamond",
  "silver",
  "golden",
  "orange",
  "banana",
  "peaches",
  "strawberry",
  "cherry",
  "purple",
  "yellow",
  "blue",
  "red123",
  "green",
  "black",
  "white",
  "jesus",
  "jesus1",
  "god",
  "blessed",
  "faith",
  "heaven",
  "christ",
  "angel1",
  "trinity",
  "justice",
  "liberty",
  "america",
  "canada",
  "london",
  "paris",
  "berlin",
  "mexico",
  "brazil",
  "india",
  "china",
  "russia",
  "florida",
  "texas",
  "boston",
  "newyork",
  "california",
  "heather",
  "hannah",
  "sophie",
  "olivia",
  "emma",
  "lauren",
  "rachel",
  "alexis",
  "andrea",
  "victoria",
  "elizabeth",
  "alexander",
  "benjamin",
  "christopher",
  "jonathan",
  "richard",
  "charles",
  "david",
  "james",
  "john",
  "mike",
  "chris",
  "kevin",
  "brian",
  "steven",
  "eric",
  "scott",
  "mark",
  "paul",
  "peter",
  "martin",
  "william1",
  "qwertyuiop1",
  "asdfghjkl1",
  "iloveyou!",
  "loveyou",
  "love123",
  "mylove",
  "forever",
  "together",
  "family",
  "friends",
  "friend",
  "happy",
  "smile",
  "lol123",
  "omg123",
  "money",
  "money1",
  "cash",
  "bitcoin",
  "business",
  "office",
  "work",
  "company",
  "server",
  "system",
  "network",
  "security",
  "manager",
  "support",
  "service",
  "user",
  "username",
  "user123",
  "info",
  "mail",
  "email",
  "web",
  "website",
  "oracle",
  "mysql",
  "postgres",
  "database",
  "sql",
  "linux",
  "ubuntu",
  "windows",
  "unix",
  "cisco",
  "router",
  "letmein!",
  "password?",
  "welcome!",
  "changeme1",
  "changeme123",
  "temp",
  "temp123",
  "temppass",
  "default1",
  "master1",
  "access14",
  "killer123",
  "hunter1",
  "bigdaddy",
  "sexy",
  "hottie",
  "cutie",
  "babyboy",
  "princesa",
  "tequiero",
  "teamo",
  "bonjour",
  "ciao",
  "hola"
];
var breachedPasswords = new Set(list);

// src/emulator/crypto/passwords.ts
var SCRYPT_MAX_N = 262144;
var SCRYPT_MAX_R = 32;
var SCRYPT_MAX_P = 16;
var MAX_KEY_LENGTH = 1024;
var PBKDF2_MAX_ITERATIONS = 1e7;
var ARGON2_MAX_ITERATIONS = 256;
var ARGON2_MAX_MEMORY_KIB = 1 << 20;
var ARGON2_MAX_THREADS = 255;
var PHPASS_MAX_LOG2_ROUNDS = 20;
var HEX_RE = /^[0-9a-f]+$/i;
var BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
var BASE64URL_RE = /^[A-Za-z0-9_-]*={0,2}$/;
var decodeBase64 = (s) => {
  if (s.length === 0) return void 0;
  if (BASE64_RE.test(s)) return Buffer.from(s, "base64");
  if (BASE64URL_RE.test(s)) return Buffer.from(s, "base64url");
  return void 0;
};
var decodeDigest = (encoded, expectedLength) => {
  const s = encoded.trim();
  if (s.length === expectedLength * 2 && HEX_RE.test(s)) return Buffer.from(s, "hex");
  const bytes = decodeBase64(s);
  return bytes !== void 0 && bytes.length === expectedLength ? bytes : void 0;
};
var equalBytes = (a, b) => a.length === b.length && a.length > 0 && crypto.timingSafeEqual(a, b);
var saltCandidates = (salt, prefer) => {
  const raw = Buffer.from(salt, "utf8");
  const b64 = decodeBase64(salt);
  const ordered = prefer === "base64" ? [b64, raw] : [raw, b64];
  const out = [];
  for (const candidate of ordered) {
    if (candidate !== void 0 && candidate.length > 0 && !out.some((c) => c.equals(candidate))) {
      out.push(candidate);
    }
  }
  return out;
};
var isIntInRange = (n2, min2, max) => typeof n2 === "number" && Number.isInteger(n2) && n2 >= min2 && n2 <= max;
var isPowerOfTwo = (n2) => n2 > 1 && (n2 & n2 - 1) === 0;
var scryptAsync = (password, salt, keyLength, N, r, p) => new Promise((resolve, reject) => {
  const maxmem = 128 * N * r * 2 + 1024 * 1024;
  crypto.scrypt(password, salt, keyLength, { N, r, p, maxmem }, (err, key) => err ? reject(err) : resolve(key));
});
var pbkdf2Async = (password, salt, iterations, keyLength, digest) => new Promise((resolve, reject) => {
  crypto.pbkdf2(password, salt, iterations, keyLength, digest, (err, key) => err ? reject(err) : resolve(key));
});
var STORAGE_N = 1024;
var STORAGE_R = 8;
var STORAGE_P = 1;
var STORAGE_SALT_BYTES = 16;
var STORAGE_KEY_BYTES = 32;
var hashPassword = async (password) => {
  const salt = crypto.randomBytes(STORAGE_SALT_BYTES);
  const hash = await scryptAsync(password, salt, STORAGE_KEY_BYTES, STORAGE_N, STORAGE_R, STORAGE_P);
  return ["scrypt", STORAGE_N, STORAGE_R, STORAGE_P, salt.toString("base64"), hash.toString("base64")].join("$");
};
var DECIMAL_RE = /^[1-9][0-9]{0,9}$/;
var verifyPassword = async (password, stored) => {
  try {
    const parts = stored.split("$");
    if (parts.length !== 6 || parts[0] !== "scrypt") return false;
    const [, nText, rText, pText, saltText, hashText] = parts;
    if (!DECIMAL_RE.test(nText) || !DECIMAL_RE.test(rText) || !DECIMAL_RE.test(pText)) return false;
    const N = Number(nText);
    const r = Number(rText);
    const p = Number(pText);
    if (!isPowerOfTwo(N) || N > SCRYPT_MAX_N || r > SCRYPT_MAX_R || p > SCRYPT_MAX_P) return false;
    const salt = decodeBase64(saltText);
    const expected = decodeBase64(hashText);
    if (salt === void 0 || expected === void 0 || expected.length === 0 || expected.length > MAX_KEY_LENGTH) {
      return false;
    }
    const actual = await scryptAsync(password, salt, expected.length, N, r, p);
    return equalBytes(actual, expected);
  } catch {
    return false;
  }
};
var verifySaltedDigest = (password, algorithm, hash, config) => {
  const prepend = config?.prepend_salt ?? "";
  const append = config?.append_salt ?? "";
  const actual = crypto.createHash(algorithm).update(prepend + password + append, "utf8").digest();
  const expected = decodeDigest(hash, actual.length);
  return expected !== void 0 && equalBytes(actual, expected);
};
var verifyBcrypt = async (password, hash) => {
  if (!/^\$2[aby]?\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) return false;
  return bcrypt.compare(password, hash);
};
var verifyScrypt = async (password, hash, config) => {
  if (config === void 0 || checkScryptConfig(config) !== void 0) return false;
  const salt = decodeBase64(config.salt);
  const expected = decodeDigest(hash, config.key_length);
  if (salt === void 0 || expected === void 0) return false;
  const actual = await scryptAsync(password, salt, config.key_length, config.n_parameter, config.r_parameter, config.p_parameter);
  return equalBytes(actual, expected);
};
var pbkdf2Digest = (algorithm) => {
  const normalized = algorithm.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^hmac/, "");
  if (normalized === "") return "sha256";
  return normalized === "sha1" || normalized === "sha256" || normalized === "sha512" ? normalized : void 0;
};
var verifyPbkdf2 = async (password, hash, config) => {
  if (config === void 0 || checkPbkdf2Config(config) !== void 0) return false;
  const digest = pbkdf2Digest(config.algorithm);
  const expected = decodeDigest(hash, config.key_length);
  if (digest === void 0 || expected === void 0) return false;
  for (const salt of saltCandidates(config.salt, "base64")) {
    const actual = await pbkdf2Async(password, salt, config.iteration_amount, config.key_length, digest);
    if (equalBytes(actual, expected)) return true;
  }
  return false;
};
var argon2Raw = (variant, password, params, hashLength) => (variant === "argon_2id" ? argon2id : argon2i)({
  password,
  salt: params.salt,
  iterations: params.iterations,
  memorySize: params.memoryKiB,
  parallelism: params.parallelism,
  hashLength,
  outputType: "binary"
});
var argon2ParamsInRange = (iterations, memoryKiB, parallelism, hashLength) => isIntInRange(iterations, 1, ARGON2_MAX_ITERATIONS) && isIntInRange(parallelism, 1, ARGON2_MAX_THREADS) && isIntInRange(memoryKiB, 8 * parallelism, ARGON2_MAX_MEMORY_KIB) && isIntInRange(hashLength, 4, MAX_KEY_LENGTH);
var PHC_ARGON2_RE = /^\$(argon2id|argon2i)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
var verifyArgon2 = async (password, variant, hash, config) => {
  const phc = PHC_ARGON2_RE.exec(hash.trim());
  if (phc !== null) {
    const [, type, version, m, t, p, saltText, hashText] = phc;
    if (type.replace("argon2", "argon_2") !== variant || version !== "19") return false;
    const salt = Buffer.from(saltText, "base64");
    const expected2 = Buffer.from(hashText, "base64");
    const params = { salt, iterations: Number(t), memoryKiB: Number(m), parallelism: Number(p) };
    if (salt.length < 8 || !argon2ParamsInRange(params.iterations, params.memoryKiB, params.parallelism, expected2.length)) {
      return false;
    }
    return equalBytes(await argon2Raw(variant, password, params, expected2.length), expected2);
  }
  if (config === void 0 || checkArgon2Config(config) !== void 0) return false;
  const expected = decodeDigest(hash, config.key_length);
  if (expected === void 0) return false;
  for (const salt of saltCandidates(config.salt, "utf8")) {
    if (salt.length < 8) continue;
    const params = {
      salt,
      iterations: config.iteration_amount,
      memoryKiB: config.memory,
      parallelism: config.threads
    };
    if (equalBytes(await argon2Raw(variant, password, params, config.key_length), expected)) return true;
  }
  return false;
};
var ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var phpassEncode64 = (input, count) => {
  let output = "";
  let i = 0;
  do {
    let value2 = input[i++];
    output += ITOA64[value2 & 63];
    if (i < count) value2 |= input[i] << 8;
    output += ITOA64[value2 >> 6 & 63];
    if (i++ >= count) break;
    if (i < count) value2 |= input[i] << 16;
    output += ITOA64[value2 >> 12 & 63];
    if (i++ >= count) break;
    output += ITOA64[value2 >> 18 & 63];
  } while (i < count);
  return output;
};
var phpassPortableHash = (password, setting) => {
  const id = setting.slice(0, 3);
  if (id !== "$P$" && id !== "$H$") return void 0;
  const log2Rounds = ITOA64.indexOf(setting.charAt(3));
  if (log2Rounds < 7 || log2Rounds > PHPASS_MAX_LOG2_ROUNDS) return void 0;
  const salt = setting.slice(4, 12);
  if (salt.length !== 8) return void 0;
  const pw = Buffer.from(password, "utf8");
  let hash = crypto.createHash("md5").update(salt, "latin1").update(pw).digest();
  for (let rounds = 1 << log2Rounds; rounds > 0; rounds--) {
    hash = crypto.createHash("md5").update(hash).update(pw).digest();
  }
  return setting.slice(0, 12) + phpassEncode64(hash, 16);
};
var verifyPhpass = async (password, hash) => {
  if (hash.startsWith("$2")) return verifyBcrypt(password, hash);
  if (hash.length !== 34) return false;
  const computed = phpassPortableHash(password, hash);
  return computed !== void 0 && equalBytes(Buffer.from(computed, "latin1"), Buffer.from(hash, "latin1"));
};
var verifyMigratedHash = async (password, hashType, hash, config) => {
  try {
    if (typeof password !== "string" || typeof hash !== "string") return false;
    switch (hashType) {
      case "bcrypt":
        return await verifyBcrypt(password, hash);
      case "md_5":
        return verifySaltedDigest(password, "md5", hash, config.md_5_config);
      case "sha_1":
        return verifySaltedDigest(password, "sha1", hash, config.sha_1_config);
      case "sha_512":
        return verifySaltedDigest(password, "sha512", hash, config.sha_512_config);
      case "scrypt":
        return await verifyScrypt(password, hash, config.scrypt_config);
      case "pbkdf_2":
        return await verifyPbkdf2(password, hash, config.pbkdf_2_config);
      case "argon_2i":
      case "argon_2id":
        return await verifyArgon2(password, hashType, hash, config.argon_2_config);
      case "phpass":
        return await verifyPhpass(password, hash);
      default:
        return false;
    }
  } catch {
    return false;
  }
};
var isObject = (u) => typeof u === "object" && u !== null;
var checkSaltStrings = (name, config) => {
  if (config === void 0) return void 0;
  if (!isObject(config)) return `${name} must be an object.`;
  for (const field of ["prepend_salt", "append_salt"]) {
    if (config[field] !== void 0 && typeof config[field] !== "string") return `${name}.${field} must be a string.`;
  }
  return void 0;
};
var checkKeyLength = (name, keyLength) => isIntInRange(keyLength, 1, MAX_KEY_LENGTH) ? void 0 : `${name}.key_length must be an integer between 1 and ${MAX_KEY_LENGTH}.`;
function checkScryptConfig(config) {
  if (!isObject(config)) return "scrypt_config is required when hash_type is scrypt.";
  if (typeof config.salt !== "string" || decodeBase64(config.salt) === void 0) {
    return "scrypt_config.salt must be a non-empty base64 string.";
  }
  const n2 = config.n_parameter;
  if (typeof n2 !== "number" || !Number.isInteger(n2) || !isPowerOfTwo(n2) || n2 > SCRYPT_MAX_N) {
    return `scrypt_config.n_parameter must be a power of two greater than 1 and at most ${SCRYPT_MAX_N}.`;
  }
  if (!isIntInRange(config.r_parameter, 1, SCRYPT_MAX_R)) {
    return `scrypt_config.r_parameter must be an integer between 1 and ${SCRYPT_MAX_R}.`;
  }
  if (!isIntInRange(config.p_parameter, 1, SCRYPT_MAX_P)) {
    return `scrypt_config.p_parameter must be an integer between 1 and ${SCRYPT_MAX_P}.`;
  }
  return checkKeyLength("scrypt_config", config.key_length);
}
function checkPbkdf2Config(config) {
  if (!isObject(config)) return "pbkdf_2_config is required when hash_type is pbkdf_2.";
  if (typeof config.salt !== "string" || config.salt.length === 0) return "pbkdf_2_config.salt must be a non-empty string.";
  if (!isIntInRange(config.iteration_amount, 1, PBKDF2_MAX_ITERATIONS)) {
    return `pbkdf_2_config.iteration_amount must be an integer between 1 and ${PBKDF2_MAX_ITERATIONS}.`;
  }
  if (typeof config.algorithm !== "string" || pbkdf2Digest(config.algorithm) === void 0) {
    return "pbkdf_2_config.algorithm must be one of sha256, sha512 or sha1.";
  }
  return checkKeyLength("pbkdf_2_config", config.key_length);
}
function checkArgon2Config(config) {
  if (!isObject(config)) return "argon_2_config must be an object.";
  if (typeof config.salt !== "string" || config.salt.length === 0) return "argon_2_config.salt must be a non-empty string.";
  if (!isIntInRange(config.iteration_amount, 1, ARGON2_MAX_ITERATIONS)) {
    return `argon_2_config.iteration_amount must be an integer between 1 and ${ARGON2_MAX_ITERATIONS}.`;
  }
  if (!isIntInRange(config.threads, 1, ARGON2_MAX_THREADS)) {
    return `argon_2_config.threads must be an integer between 1 and ${ARGON2_MAX_THREADS}.`;
  }
  if (!isIntInRange(config.memory, 8 * config.threads, ARGON2_MAX_MEMORY_KIB)) {
    return `argon_2_config.memory must be an integer number of KiB between 8 * threads and ${ARGON2_MAX_MEMORY_KIB}.`;
  }
  if (!isIntInRange(config.key_length, 4, MAX_KEY_LENGTH)) {
    return `argon_2_config.key_length must be an integer between 4 and ${MAX_KEY_LENGTH}.`;
  }
  return void 0;
}
var checkMigrateConfig = (hashType, config) => {
  switch (hashType) {
    case "bcrypt":
    case "phpass":
      return void 0;
    case "md_5":
      return checkSaltStrings("md_5_config", config.md_5_config);
    case "sha_1":
      return checkSaltStrings("sha_1_config", config.sha_1_config);
    case "sha_512":
      return checkSaltStrings("sha_512_config", config.sha_512_config);
    case "scrypt":
      return checkScryptConfig(config.scrypt_config);
    case "pbkdf_2":
      return checkPbkdf2Config(config.pbkdf_2_config);
    case "argon_2i":
    case "argon_2id":
      return config.argon_2_config === void 0 ? void 0 : checkArgon2Config(config.argon_2_config);
    default:
      return `Unsupported hash_type: ${String(hashType)}.`;
  }
};
var defaultPolicy = {
  policy: "zxcvbn",
  ludsMinLength: 8,
  ludsMinCharTypes: 3,
  checkBreached: true
};
var englishTranslations = {
  warnings: {
    straightRow: "Straight rows of keys on your keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated character patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common character sequences like "abc" are easy to guess.',
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is a heavily used password.",
    topHundred: "This is a frequently used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "Single words are easy to guess.",
    namesByThemselves: "Single names or surnames are easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "There should not be any personal or page related data.",
    pwned: "Your password was exposed by a data breach on the Internet."
  },
  suggestions: {
    l33t: "Avoid predictable letter substitutions like '@' for 'a'.",
    reverseWords: "Avoid reversed spellings of common words.",
    allUppercase: "Capitalize some, but not all letters.",
    capitalization: "Capitalize more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common character sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change typing direction multiple times.",
    anotherWord: "Add more words that are less common.",
    useWords: "Use multiple words, but avoid common phrases.",
    noNeed: "You can create strong passwords without using symbols, numbers, or uppercase letters.",
    pwned: "If you use this password elsewhere, you should change it."
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries"
  }
};
var zxcvbnConfigured = false;
var ensureZxcvbn = () => {
  if (zxcvbnConfigured) return;
  zxcvbnOptions.setOptions({
    dictionary: { ...zxcvbnCommonPackage.dictionary },
    graphs: zxcvbnCommonPackage.adjacencyGraphs,
    translations: englishTranslations
  });
  zxcvbnConfigured = true;
};
var userInputWords = (inputs) => {
  const words = /* @__PURE__ */ new Set();
  for (const input of inputs) {
    const lower2 = input.trim().toLowerCase();
    if (lower2 === "") continue;
    words.add(lower2);
    for (const piece of lower2.split(/[^\p{L}\p{N}]+/u)) {
      if (piece.length >= 3) words.add(piece);
    }
  }
  return [...words];
};
var isBreached = (password) => breachedPasswords.has(password) || breachedPasswords.has(password.toLowerCase());
var strengthCheck = (password, policy, userInputs = []) => {
  ensureZxcvbn();
  const result = zxcvbn(password.slice(0, zxcvbnOptions.maxLength), userInputWords(userInputs));
  const breached = policy.checkBreached && isBreached(password);
  let warning = result.feedback.warning ?? "";
  const suggestions = [...result.feedback.suggestions];
  if (breached) {
    if (warning === "") warning = englishTranslations.warnings.pwned;
    suggestions.push(englishTranslations.suggestions.pwned);
  }
  if (policy.policy === "zxcvbn") {
    return {
      valid_password: result.score >= 3 && !breached,
      score: result.score,
      breached_password: breached,
      strength_policy: "zxcvbn",
      breach_detection_on_create: policy.checkBreached,
      feedback: { suggestions, warning }
    };
  }
  const has_lower_case = /\p{Ll}/u.test(password);
  const has_upper_case = /\p{Lu}/u.test(password);
  const has_digit = /\p{Nd}/u.test(password);
  const has_symbol = /[^\p{L}\p{N}]/u.test(password);
  const charTypes = [has_lower_case, has_upper_case, has_digit, has_symbol].filter(Boolean).length;
  const missing_complexity = Math.max(0, policy.ludsMinCharTypes - charTypes);
  const missing_characters = Math.max(0, policy.ludsMinLength - [...password].length);
  return {
    valid_password: missing_complexity === 0 && missing_characters === 0 && !breached,
    score: result.score,
    breached_password: breached,
    strength_policy: "luds",
    breach_detection_on_create: policy.checkBreached,
    feedback: {
      suggestions,
      warning,
      luds_requirements: { has_lower_case, has_upper_case, has_digit, has_symbol, missing_complexity, missing_characters }
    }
  };
};

// src/emulator/internal/store.ts
var defaultSettings = (projectId, secret) => ({
  projectId,
  secret,
  passwordPolicy: defaultPolicy,
  loginRedirectUrl: "http://localhost:3000/authenticate",
  signupRedirectUrl: "http://localhost:3000/authenticate",
  inviteRedirectUrl: "http://localhost:3000/authenticate",
  resetPasswordRedirectUrl: "http://localhost:3000/reset-password",
  otpMaxAttempts: 5
});
var Store = class {
  constructor(settings) {
    this.settings = settings;
  }
  settings;
  users = /* @__PURE__ */ new Map();
  /** lower-cased email -> user_id */
  emailIndex = /* @__PURE__ */ new Map();
  /** E.164 phone number -> user_id */
  phoneIndex = /* @__PURE__ */ new Map();
  externalIdIndex = /* @__PURE__ */ new Map();
  sessions = /* @__PURE__ */ new Map();
  /** session_token -> session_id */
  sessionTokenIndex = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  otps = /* @__PURE__ */ new Map();
  outbox = [];
  /** Forgets every user, session, token and message; keeps the settings (and the signing keys, held elsewhere). */
  clear() {
    this.users.clear();
    this.emailIndex.clear();
    this.phoneIndex.clear();
    this.externalIdIndex.clear();
    this.sessions.clear();
    this.sessionTokenIndex.clear();
    this.tokens.clear();
    this.otps.clear();
    this.outbox.length = 0;
    this.usersWithUnverifiedFactors.clear();
  }
  userByEmail(email) {
    const id = this.emailIndex.get(email.toLowerCase());
    return id === void 0 ? void 0 : this.users.get(id);
  }
  userByPhone(phone) {
    const id = this.phoneIndex.get(phone);
    return id === void 0 ? void 0 : this.users.get(id);
  }
  sessionByToken(token) {
    const id = this.sessionTokenIndex.get(token);
    return id === void 0 ? void 0 : this.sessions.get(id);
  }
  deleteSession(session) {
    this.sessions.delete(session.session_id);
    this.sessionTokenIndex.delete(session.session_token);
  }
  /** Removes a user and everything that points to it. */
  deleteUser(user) {
    for (const e of user.emails) this.emailIndex.delete(e.email.toLowerCase());
    for (const p of user.phone_numbers) this.phoneIndex.delete(p.phone_number);
    if (user.external_id !== void 0) this.externalIdIndex.delete(user.external_id);
    for (const s of [...this.sessions.values()]) if (s.user_id === user.user_id) this.deleteSession(s);
    for (const [k, t] of this.tokens) if (t.user_id === user.user_id) this.tokens.delete(k);
    for (const [k, o] of this.otps) if (o.user_id === user.user_id) this.otps.delete(k);
    this.users.delete(user.user_id);
  }
  /** Users holding an email or phone number with `unverifiedUntil` (so the sweep below never scans every user). */
  usersWithUnverifiedFactors = /* @__PURE__ */ new Set();
  /**
   * Drops unverified emails and phone numbers whose 5-minute window has passed (and their codes), as Stytch does
   * for factors added to an existing user by a passwordless send. Called before every request.
   */
  expireUnverifiedFactors(now) {
    for (const user_id of this.usersWithUnverifiedFactors) {
      const user = this.users.get(user_id);
      if (user === void 0) {
        this.usersWithUnverifiedFactors.delete(user_id);
        continue;
      }
      const keepEmail = (e) => e.unverifiedUntil === void 0 || e.unverifiedUntil > now;
      const keepPhone = (p) => p.unverifiedUntil === void 0 || p.unverifiedUntil > now;
      for (const e of user.emails.filter((e2) => !keepEmail(e2))) {
        this.emailIndex.delete(e.email.toLowerCase());
        this.otps.delete(e.email_id);
      }
      for (const p of user.phone_numbers.filter((p2) => !keepPhone(p2))) {
        this.phoneIndex.delete(p.phone_number);
        this.otps.delete(p.phone_id);
      }
      user.emails = user.emails.filter(keepEmail);
      user.phone_numbers = user.phone_numbers.filter(keepPhone);
      const pending = user.emails.some((e) => e.unverifiedUntil !== void 0) || user.phone_numbers.some((p) => p.unverifiedUntil !== void 0);
      if (!pending) this.usersWithUnverifiedFactors.delete(user_id);
    }
  }
};
var newId = (prefix, projectId) => `${prefix}-${projectId.startsWith("project-live-") ? "live" : "test"}-${randomUUID3()}`;
var newToken = () => randomBytes2(33).toString("base64url");
var newCode = () => String(randomBytes2(4).readUInt32BE() % 1e6).padStart(6, "0");
var iso = (millis2) => new Date(Math.floor(millis2 / 1e3) * 1e3).toISOString().replace(".000Z", "Z");

// src/emulator/handlers/magicLinks.ts
import * as Effect26 from "effect/Effect";
import { createHash as createHash2 } from "node:crypto";

// src/emulator/handlers/common.ts
import * as Effect24 from "effect/Effect";
var userWire = (u) => ({
  user_id: u.user_id,
  emails: u.emails.map(({ email, email_id, verified }) => ({ email_id, email, verified })),
  status: u.status,
  phone_numbers: u.phone_numbers.map(({ phone_id, phone_number, verified }) => ({ phone_id, phone_number, verified })),
  webauthn_registrations: u.webauthn_registrations.map((w) => ({
    webauthn_registration_id: w.webauthn_registration_id,
    domain: "localhost",
    user_agent: "",
    verified: w.verified,
    authenticator_type: "",
    name: w.name ?? ""
  })),
  providers: u.providers.map((p) => ({
    provider_type: p.provider_type,
    provider_subject: p.provider_subject,
    profile_picture_url: p.profile_picture_url ?? "",
    locale: p.locale ?? "",
    oauth_user_registration_id: p.oauth_user_registration_id
  })),
  totps: u.totps.map(({ totp_id, verified }) => ({ totp_id, verified })),
  crypto_wallets: u.crypto_wallets.map((w) => ({ ...w, crypto_wallet_type: "ethereum" })),
  biometric_registrations: u.biometric_registrations.map((b) => ({ ...b })),
  is_locked: false,
  roles: [...u.roles],
  ...u.name === void 0 ? {} : { name: { ...u.name } },
  created_at: iso(u.created_at),
  ...u.password === void 0 ? {} : { password: { password_id: u.password.password_id, requires_reset: u.password.requiresReset } },
  trusted_metadata: { ...u.trusted_metadata },
  untrusted_metadata: { ...u.untrusted_metadata },
  ...u.external_id === void 0 ? {} : { external_id: u.external_id }
});
var getUser = (store, user_id) => {
  const user = store.users.get(user_id);
  return user === void 0 ? fail5("user_not_found") : Effect24.succeed(user);
};
var newUser = (ctx, status = "active") => ({
  user_id: newId("user", ctx.store.settings.projectId),
  created_at: ctx.now,
  status,
  emails: [],
  phone_numbers: [],
  totps: [],
  providers: [],
  webauthn_registrations: [],
  crypto_wallets: [],
  biometric_registrations: [],
  trusted_metadata: {},
  untrusted_metadata: {},
  roles: [],
  passwordlessEmails: /* @__PURE__ */ new Set()
});
var insertUser = (store, user) => {
  store.users.set(user.user_id, user);
  for (const e of user.emails) store.emailIndex.set(e.email.toLowerCase(), user.user_id);
  for (const p of user.phone_numbers) store.phoneIndex.set(p.phone_number, user.user_id);
  if (user.external_id !== void 0) store.externalIdIndex.set(user.external_id, user.user_id);
};
var addEmail = (store, user, email, verified, unverifiedUntil) => {
  const record = {
    email_id: newId("email", store.settings.projectId),
    email,
    verified,
    ...unverifiedUntil === void 0 ? {} : { unverifiedUntil }
  };
  user.emails.push(record);
  store.emailIndex.set(email.toLowerCase(), user.user_id);
  if (unverifiedUntil !== void 0) store.usersWithUnverifiedFactors.add(user.user_id);
  return record;
};
var addPhone = (store, user, phone_number, verified, unverifiedUntil) => {
  const record = {
    phone_id: newId("phone-number", store.settings.projectId),
    phone_number,
    verified,
    ...unverifiedUntil === void 0 ? {} : { unverifiedUntil }
  };
  user.phone_numbers.push(record);
  store.phoneIndex.set(phone_number, user.user_id);
  if (unverifiedUntil !== void 0) store.usersWithUnverifiedFactors.add(user.user_id);
  return record;
};
var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
var checkEmail = (email) => EMAIL.test(email) && email.length <= 254 ? Effect24.succeed(email) : fail5("invalid_email");
var E164 = /^\+[1-9]\d{6,14}$/;
var checkPhone = (phone) => {
  if (!E164.test(phone)) {
    return fail5("invalid_phone_number", "Phone number format is invalid. Phone numbers must be in E.164 format.");
  }
  if (phone.startsWith("+999") || phone.startsWith("+990") || phone.startsWith("+997")) {
    return fail5("invalid_phone_number_country_code");
  }
  return Effect24.succeed(phone);
};
var JWT_LIFETIME_SECONDS = 300;
var RESERVED_CLAIMS = /* @__PURE__ */ new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "https://stytch.com/session"]);
var cleanCustomClaims = (claims) => {
  const out = {};
  for (const [k, v] of Object.entries(claims ?? {})) {
    if (!RESERVED_CLAIMS.has(k) && !k.startsWith("https://stytch.com/")) out[k] = v;
  }
  return out;
};
var sessionWire = (s, user) => ({
  session_id: s.session_id,
  user_id: s.user_id,
  authentication_factors: s.authentication_factors.map((f) => ({ ...f })),
  roles: user?.roles ? [...user.roles] : [],
  started_at: iso(s.started_at),
  last_accessed_at: iso(s.last_accessed_at),
  expires_at: iso(s.expires_at),
  ...s.attributes === void 0 ? {} : { attributes: { ...s.attributes } },
  custom_claims: { ...s.custom_claims }
});
var sessionJwt = (ctx, s) => {
  const iat = Math.floor(ctx.now / 1e3);
  const user = ctx.store.users.get(s.user_id);
  return ctx.keys.signJwt({
    ...s.custom_claims,
    aud: [ctx.store.settings.projectId],
    exp: iat + JWT_LIFETIME_SECONDS,
    iat,
    iss: `stytch.com/${ctx.store.settings.projectId}`,
    nbf: iat,
    sub: s.user_id,
    "https://stytch.com/session": {
      id: s.session_id,
      started_at: iso(s.started_at),
      last_accessed_at: iso(s.last_accessed_at),
      expires_at: iso(s.expires_at),
      attributes: s.attributes ?? { ip_address: "", user_agent: "" },
      authentication_factors: s.authentication_factors,
      roles: user?.roles ?? []
    }
  });
};
var findSession = (ctx, options) => Effect24.suspend(() => {
  const { session_jwt, session_token } = options;
  if (session_token !== void 0 && session_jwt !== void 0) return fail5("too_many_session_arguments");
  let session;
  if (session_token !== void 0) {
    session = ctx.store.sessionByToken(session_token);
  } else if (session_jwt !== void 0) {
    const verified = ctx.keys.verifyJwt(session_jwt);
    if (!verified.ok) {
      return fail5("invalid_session_token", "The session JWT could not be verified.", 401);
    }
    const claim = verified.payload["https://stytch.com/session"];
    session = typeof claim?.id === "string" ? ctx.store.sessions.get(claim.id) : void 0;
  } else {
    return fail5("missing_session_token", "A session_token or session_jwt is required.", 400);
  }
  if (session === void 0 || session.expires_at <= ctx.now) {
    if (session !== void 0) ctx.store.deleteSession(session);
    return fail5("session_not_found");
  }
  return Effect24.succeed(session);
});
var checkDuration = (minutes3) => minutes3 === void 0 || Number.isInteger(minutes3) && minutes3 >= 5 && minutes3 <= 527040 ? Effect24.void : fail5("invalid_session_duration", "session_duration_minutes must be between 5 and 527040 (366 days).");
var factor = (ctx, type, delivery_method, extra = {}) => ({
  type,
  delivery_method,
  last_authenticated_at: iso(ctx.now),
  created_at: iso(ctx.now),
  updated_at: iso(ctx.now),
  ...extra
});
var prepareSession = (ctx, user, newFactor, options) => Effect24.gen(function* () {
  yield* checkDuration(options.session_duration_minutes);
  const existing = options.session_token !== void 0 || options.session_jwt !== void 0 ? yield* findSession(ctx, options) : void 0;
  if (existing !== void 0 && existing.user_id !== user.user_id) {
    return yield* fail5("session_user_mismatch", "The session belongs to another user.", 400);
  }
  if (existing === void 0 && options.session_duration_minutes === void 0) {
    return () => ({ session_token: "", session_jwt: "" });
  }
  return () => {
    let session = existing;
    if (session === void 0) {
      session = {
        session_id: newId("session", ctx.store.settings.projectId),
        session_token: newToken(),
        user_id: user.user_id,
        started_at: ctx.now,
        last_accessed_at: ctx.now,
        expires_at: ctx.now + options.session_duration_minutes * 6e4,
        authentication_factors: [],
        custom_claims: {},
        attributes: {
          ip_address: ctx.headers["x-forwarded-for"] ?? "",
          user_agent: ctx.headers["user-agent"] ?? ""
        }
      };
      ctx.store.sessions.set(session.session_id, session);
      ctx.store.sessionTokenIndex.set(session.session_token, session.session_id);
    }
    session.last_accessed_at = ctx.now;
    if (options.session_duration_minutes !== void 0) {
      session.expires_at = ctx.now + options.session_duration_minutes * 6e4;
    }
    session.authentication_factors = [
      ...session.authentication_factors.filter(
        (f) => !(f.type === newFactor.type && f.delivery_method === newFactor.delivery_method)
      ),
      newFactor
    ];
    if (options.session_custom_claims !== void 0) {
      session.custom_claims = { ...session.custom_claims, ...cleanCustomClaims(options.session_custom_claims) };
    }
    return { session_token: session.session_token, session_jwt: sessionJwt(ctx, session), session: sessionWire(session, user) };
  };
});
var revokeUserSessions = (store, user_id, keep) => {
  for (const s of [...store.sessions.values()]) {
    if (s.user_id === user_id && s.session_id !== keep) store.deleteSession(s);
  }
};
var markPasswordlessEmailAuth = (user, email) => {
  const key = email.toLowerCase();
  if (user.passwordlessEmails.has(key)) return;
  user.passwordlessEmails.add(key);
  if (user.password !== void 0) user.password.requiresReset = true;
};

// src/emulator/handlers/passwordless.ts
import * as Effect25 from "effect/Effect";
var LOCALES = ["en", "es", "pt-br", "fr", "it", "de-DE", "zh-Hans", "ca-ES"];
var checkLocale = (locale) => {
  if (locale === void 0) return Effect25.succeed(void 0);
  const known = LOCALES.find((l) => l.toLowerCase() === locale.toLowerCase());
  return known === void 0 ? fail5("invalid_locale", void 0, 400) : Effect25.succeed(known);
};
var checkMinutes = (value2, options) => {
  if (value2 === void 0) return Effect25.succeed(options.fallback);
  return Number.isInteger(value2) && value2 >= options.min && value2 <= options.max ? Effect25.succeed(value2) : fail5(options.error_type, `${options.field} must be between ${options.min} and ${options.max}.`, 400);
};
var sendAttributes = (attributes) => {
  if (attributes === void 0) return void 0;
  const out = {};
  if (attributes.ip_address !== void 0) out.ip_address = attributes.ip_address;
  if (attributes.user_agent !== void 0) out.user_agent = attributes.user_agent;
  return out;
};
var checkAttributeMatch = (stored, request) => {
  const { attributes, options } = request;
  const ipOk = !options?.ip_match_required || stored?.ip_address !== void 0 && stored.ip_address === attributes?.ip_address;
  const agentOk = !options?.user_agent_match_required || stored?.user_agent !== void 0 && stored.user_agent === attributes?.user_agent;
  return ipOk && agentOk ? Effect25.void : fail5("attribute_mismatch");
};
var UNVERIFIED_WINDOW_MILLIS = 5 * 6e4;
var emailKind = {
  check: checkEmail,
  owner: (store, email) => store.userByEmail(email),
  find: (user, email) => user.emails.find((e) => e.email.toLowerCase() === email.toLowerCase()),
  add: addEmail,
  notFound: "email_not_found",
  duplicate: "duplicate_email"
};
var phoneKind = {
  check: checkPhone,
  owner: (store, phone) => store.userByPhone(phone),
  find: (user, phone) => user.phone_numbers.find((p) => p.phone_number === phone),
  add: addPhone,
  notFound: "phone_number_not_found",
  duplicate: "duplicate_phone_number"
};
var targetUser = (ctx, req) => Effect25.gen(function* () {
  const session = req.session_token !== void 0 || req.session_jwt !== void 0 ? yield* findSession(ctx, req) : void 0;
  const byId = req.user_id === void 0 ? void 0 : yield* getUser(ctx.store, req.user_id);
  if (session !== void 0 && byId !== void 0 && session.user_id !== byId.user_id) {
    return yield* fail5("user_id_mismatch", "The user_id does not match the user of the session.", 400);
  }
  return byId ?? (session === void 0 ? void 0 : yield* getUser(ctx.store, session.user_id));
});
var forSend = (kind) => (ctx, value2, req) => Effect25.gen(function* () {
  yield* kind.check(value2);
  const owner = kind.owner(ctx.store, value2);
  const target = yield* targetUser(ctx, req);
  if (target === void 0) {
    if (owner === void 0) return yield* fail5(kind.notFound);
    const record = kind.find(owner, value2);
    return { user: owner, created: false, commit: () => record };
  }
  if (owner !== void 0 && owner.user_id !== target.user_id) return yield* fail5(kind.duplicate);
  const existing = kind.find(target, value2);
  return {
    user: target,
    created: false,
    commit: () => existing ?? kind.add(ctx.store, target, value2, false, ctx.now + UNVERIFIED_WINDOW_MILLIS)
  };
});
var forLoginOrCreate = (kind) => (ctx, value2, asPending) => Effect25.gen(function* () {
  yield* kind.check(value2);
  const owner = kind.owner(ctx.store, value2);
  if (owner !== void 0) {
    const record = kind.find(owner, value2);
    return { user: owner, created: false, commit: () => record };
  }
  const user = newUser(ctx, asPending ? "pending" : "active");
  return {
    user,
    created: true,
    commit: () => {
      const record = kind.add(ctx.store, user, value2, false);
      insertUser(ctx.store, user);
      return record;
    }
  };
});
var emailForSend = forSend(emailKind);
var phoneForSend = forSend(phoneKind);
var emailForLoginOrCreate = forLoginOrCreate(emailKind);
var phoneForLoginOrCreate = forLoginOrCreate(phoneKind);
var deliver = (ctx, message) => {
  const sent = { ...message, id: newId("message", ctx.store.settings.projectId), sent_at: iso(ctx.now) };
  ctx.store.outbox.push(sent);
  return sent;
};
var verifyFactor = (user, record) => {
  record.verified = true;
  delete record.unverifiedUntil;
  if (user.status === "pending") user.status = "active";
};

// src/emulator/handlers/magicLinks.ts
var minutes2 = (value2, field, fallback) => checkMinutes(value2, { field, fallback, min: 5, max: 10080, error_type: "invalid_expiration" });
var URL_ERRORS = {
  login: { invalid: "invalid_login_magic_link_url", missing: "no_default_login_redirect_url_set" },
  signup: { invalid: "invalid_signup_magic_link_url", missing: "no_default_signup_redirect_url_set" },
  invite: { invalid: "invalid_invite_magic_link_url", missing: "no_default_invite_redirect_url_set" }
};
var linkFor = (ctx, kind, requested) => {
  const { settings } = ctx.store;
  const fallback = kind === "login" ? settings.loginRedirectUrl : kind === "signup" ? settings.signupRedirectUrl : settings.inviteRedirectUrl;
  const base = requested ?? fallback;
  if (base === "") return fail5(URL_ERRORS[kind].missing, `No ${kind} redirect URL was given and no default is set.`, 400);
  let url;
  try {
    url = new URL(base);
  } catch {
    return fail5(URL_ERRORS[kind].invalid, `The ${kind} magic link URL is not a valid absolute URL.`, 400);
  }
  return Effect26.succeed((token) => {
    const link = new URL(url);
    link.searchParams.set("stytch_token_type", "magic_link");
    link.searchParams.set("token", token);
    return link.toString();
  });
};
var checkCodeChallenge = (challenge) => challenge === void 0 || /^[A-Za-z0-9_-]{43}$/.test(challenge) ? Effect26.void : fail5("invalid_pkce_code_challenge", "code_challenge must be the base64url SHA-256 of the code verifier.", 400);
var checkCodeVerifier = (challenge, verifier) => {
  if (challenge === void 0) {
    return verifier === void 0 ? Effect26.void : fail5("pkce_did_not_expect_code_verifier", "This flow was not started with a code_challenge.", 400);
  }
  if (verifier === void 0) return fail5("pkce_expected_code_verifier", void 0, 400);
  const computed = createHash2("sha256").update(verifier).digest("base64url");
  return computed === challenge ? Effect26.void : fail5("pkce_mismatch", void 0, 400);
};
var issueEmailLink = (ctx, options) => {
  const token = newToken();
  ctx.store.tokens.set(token, {
    token,
    kind: options.kind,
    user_id: options.user.user_id,
    email: options.email.email,
    email_id: options.email.email_id,
    expires_at: ctx.now + options.minutes * 6e4,
    used: false,
    ...options.attributes === void 0 ? {} : { attributes: options.attributes },
    ...options.code_challenge === void 0 ? {} : { code_challenge: options.code_challenge }
  });
  deliver(ctx, {
    channel: "email",
    to: options.email.email,
    kind: `magic_link_${options.kind}`,
    user_id: options.user.user_id,
    token,
    url: options.link(token),
    ...options.locale === void 0 ? {} : { locale: options.locale }
  });
};
var send = (ctx, req) => Effect26.gen(function* () {
  const locale = yield* checkLocale(req.locale);
  const loginMinutes = yield* minutes2(req.login_expiration_minutes, "login_expiration_minutes", 60);
  const signupMinutes = yield* minutes2(req.signup_expiration_minutes, "signup_expiration_minutes", 60);
  yield* checkCodeChallenge(req.code_challenge);
  const recipient = yield* emailForSend(ctx, req.email, req);
  const kind = recipient.user.status === "pending" ? "signup" : "login";
  const link = yield* linkFor(ctx, kind, kind === "login" ? req.login_magic_link_url : req.signup_magic_link_url);
  const email = recipient.commit();
  issueEmailLink(ctx, {
    kind,
    user: recipient.user,
    email,
    link,
    minutes: kind === "login" ? loginMinutes : signupMinutes,
    attributes: sendAttributes(req.attributes),
    code_challenge: req.code_challenge,
    locale
  });
  return { user_id: recipient.user.user_id, email_id: email.email_id };
});
var loginOrCreate = (ctx, req) => Effect26.gen(function* () {
  const locale = yield* checkLocale(req.locale);
  const loginMinutes = yield* minutes2(req.login_expiration_minutes, "login_expiration_minutes", 60);
  const signupMinutes = yield* minutes2(req.signup_expiration_minutes, "signup_expiration_minutes", 60);
  yield* checkCodeChallenge(req.code_challenge);
  const recipient = yield* emailForLoginOrCreate(ctx, req.email, req.create_user_as_pending === true);
  const kind = recipient.user.status === "pending" || recipient.created ? "signup" : "login";
  const link = yield* linkFor(ctx, kind, kind === "login" ? req.login_magic_link_url : req.signup_magic_link_url);
  const email = recipient.commit();
  issueEmailLink(ctx, {
    kind,
    user: recipient.user,
    email,
    link,
    minutes: kind === "login" ? loginMinutes : signupMinutes,
    attributes: sendAttributes(req.attributes),
    code_challenge: req.code_challenge,
    locale
  });
  return { user_id: recipient.user.user_id, email_id: email.email_id, user_created: recipient.created };
});
var metadata = (patch) => Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== null));
var invite = (ctx, req) => Effect26.gen(function* () {
  const { store } = ctx;
  yield* checkEmail(req.email);
  const locale = yield* checkLocale(req.locale);
  const inviteMinutes = yield* minutes2(req.invite_expiration_minutes, "invite_expiration_minutes", 10080);
  const owner = store.userByEmail(req.email);
  if (owner !== void 0 && owner.status === "active") return yield* fail5("duplicate_email");
  const link = yield* linkFor(ctx, "invite", req.invite_magic_link_url);
  let user;
  let email;
  if (owner !== void 0) {
    user = owner;
    email = owner.emails.find((e) => e.email.toLowerCase() === req.email.toLowerCase());
  } else {
    user = newUser(ctx, "pending");
    if (req.name !== void 0) user.name = { ...req.name };
    user.trusted_metadata = metadata(req.trusted_metadata);
    user.untrusted_metadata = metadata(req.untrusted_metadata);
    email = addEmail(store, user, req.email, false);
    insertUser(store, user);
  }
  issueEmailLink(ctx, {
    kind: "invite",
    user,
    email,
    link,
    minutes: inviteMinutes,
    attributes: sendAttributes(req.attributes),
    code_challenge: void 0,
    locale
  });
  return { user_id: user.user_id, email_id: email.email_id };
});
var revokeInvite = (ctx, req) => Effect26.gen(function* () {
  const { store } = ctx;
  yield* checkEmail(req.email);
  const user = store.userByEmail(req.email);
  if (user === void 0) return yield* fail5("email_not_found");
  const invited = user.status === "pending" && [...store.tokens.values()].some((t) => t.kind === "invite" && t.user_id === user.user_id);
  if (!invited) return yield* fail5("email_not_found", "No pending invite was found for this email.", 404);
  store.deleteUser(user);
  return {};
});
var create = (ctx, req) => Effect26.gen(function* () {
  const expiration = yield* minutes2(req.expiration_minutes, "expiration_minutes", 60);
  const user = yield* getUser(ctx.store, req.user_id);
  const token = newToken();
  const attributes = sendAttributes(req.attributes);
  ctx.store.tokens.set(token, {
    token,
    kind: "embedded",
    user_id: user.user_id,
    expires_at: ctx.now + expiration * 6e4,
    used: false,
    ...attributes === void 0 ? {} : { attributes },
    // The session factor of an embeddable link names the link, not an email.
    data: { embedded_id: newId("embedded", ctx.store.settings.projectId) }
  });
  return { user_id: user.user_id, token };
});
var MAGIC_LINK_KINDS = /* @__PURE__ */ new Set(["login", "signup", "invite", "embedded"]);
var authenticate = (ctx, req) => Effect26.gen(function* () {
  const record = ctx.store.tokens.get(req.token);
  if (record === void 0 || !MAGIC_LINK_KINDS.has(record.kind)) return yield* fail5("magic_link_not_found");
  if (record.used || record.expires_at <= ctx.now) return yield* fail5("unable_to_auth_magic_link");
  const user = ctx.store.users.get(record.user_id);
  if (user === void 0) return yield* fail5("magic_link_not_found");
  const embedded = record.kind === "embedded";
  const email = embedded ? void 0 : user.emails.find((e) => e.email_id === record.email_id);
  if (!embedded && email === void 0) {
    return yield* fail5(
      "unable_to_auth_magic_link",
      "The magic link could not be authenticated because the email it was sent to is no longer on the user.",
      401
    );
  }
  yield* checkCodeVerifier(record.code_challenge, req.code_verifier);
  yield* checkAttributeMatch(record.attributes, req);
  const embedded_id = String(record.data?.embedded_id ?? "");
  const newFactor = email === void 0 ? factor(ctx, "magic_link", "embedded", { embeddable_magic_link_factor: { embedded_id } }) : factor(ctx, "magic_link", "email", { email_factor: { email_id: email.email_id, email_address: email.email } });
  const startSession = yield* prepareSession(ctx, user, newFactor, req);
  record.used = true;
  if (email === void 0) {
    if (user.status === "pending") user.status = "active";
  } else {
    verifyFactor(user, email);
    markPasswordlessEmailAuth(user, email.email);
  }
  const { session, session_jwt, session_token } = startSession();
  return {
    user_id: user.user_id,
    method_id: email?.email_id ?? embedded_id,
    session_token,
    session_jwt,
    reset_sessions: false,
    user: userWire(user),
    ...session === void 0 ? {} : { session }
  };
});
var magicLinksHandlers = {
  "magicLinks.authenticate": authenticate,
  "magicLinks.create": create,
  "magicLinks.email.send": send,
  "magicLinks.email.loginOrCreate": loginOrCreate,
  "magicLinks.email.invite": invite,
  "magicLinks.email.revokeInvite": revokeInvite
};

// src/emulator/handlers/oauth.ts
import * as Effect27 from "effect/Effect";
import { createHash as createHash3 } from "node:crypto";
var ATTACH_TOKEN_MINUTES = 10;
var ACCESS_TOKEN_SECONDS = 3600;
var DEFAULT_SCOPES = ["openid", "email", "profile"];
var PROVIDER_FACTOR_KEYS = {
  amazon: "amazon_oauth_factor",
  apple: "apple_oauth_factor",
  bitbucket: "bitbucket_oauth_factor",
  coinbase: "coinbase_oauth_factor",
  discord: "discord_oauth_factor",
  facebook: "facebook_oauth_factor",
  figma: "figma_oauth_factor",
  github: "github_oauth_factor",
  gitlab: "git_lab_oauth_factor",
  google: "google_oauth_factor",
  hubspot: "hubspot_oauth_factor",
  instagram: "instagram_oauth_factor",
  linkedin: "linked_in_oauth_factor",
  microsoft: "microsoft_oauth_factor",
  salesforce: "salesforce_oauth_factor",
  shopify: "shopify_oauth_factor",
  slack: "slack_oauth_factor",
  snapchat: "snapchat_oauth_factor",
  spotify: "spotify_oauth_factor",
  steam: "steam_oauth_factor",
  tiktok: "tik_tok_oauth_factor",
  twitch: "twitch_oauth_factor",
  twitter: "twitter_oauth_factor",
  yahoo: "yahoo_oauth_factor"
};
var normalizeProvider = (provider) => typeof provider === "string" ? provider.trim().toLowerCase() : "";
var sameEmail = (a, b) => a.toLowerCase() === b.toLowerCase();
var mintOAuthToken = (store, now, request) => {
  let attach2 = {};
  if (request.attach_token !== void 0) {
    const record = store.tokens.get(request.attach_token);
    if (record === void 0 || record.kind !== "oauth_attach") {
      attach2 = { attach_error: "The oauth_attach_token could not be found." };
    } else if (record.used) {
      attach2 = { attach_error: "The oauth_attach_token has already been used." };
    } else if (record.expires_at <= now) {
      attach2 = { attach_error: "The oauth_attach_token has expired." };
    } else if (record.data?.["provider"] !== normalizeProvider(request.provider_type)) {
      attach2 = { attach_error: "The oauth_attach_token was issued for another provider." };
    } else {
      record.used = true;
      attach2 = { attach_user_id: record.user_id };
    }
  }
  const token = newToken();
  const data = { ...request, ...attach2 };
  store.tokens.set(token, {
    token,
    kind: "oauth",
    user_id: "",
    expires_at: now + (request.expiration_minutes ?? 10) * 6e4,
    used: false,
    ...request.code_challenge === void 0 ? {} : { code_challenge: request.code_challenge },
    data: { ...data }
  });
  return { token };
};
var attach = (ctx, req) => Effect27.gen(function* () {
  const given = [req.user_id, req.session_token, req.session_jwt].filter((x) => x !== void 0).length;
  if (given !== 1) {
    return yield* fail5("bad_request", "Exactly one of user_id, session_token or session_jwt is required.", 400);
  }
  const provider = normalizeProvider(req.provider);
  if (PROVIDER_FACTOR_KEYS[provider] === void 0) {
    return yield* fail5("invalid_oauth_provider", `Unknown OAuth provider: ${JSON.stringify(req.provider)}.`, 400);
  }
  const user = req.user_id !== void 0 ? yield* getUser(ctx.store, req.user_id) : yield* Effect27.flatMap(findSession(ctx, req), (session) => getUser(ctx.store, session.user_id));
  const oauth_attach_token = newToken();
  ctx.store.tokens.set(oauth_attach_token, {
    token: oauth_attach_token,
    kind: "oauth_attach",
    user_id: user.user_id,
    expires_at: ctx.now + ATTACH_TOKEN_MINUTES * 6e4,
    used: false,
    data: { provider }
  });
  return { oauth_attach_token };
});
var base64url = (value2) => Buffer.from(JSON.stringify(value2)).toString("base64url");
var emulatedIdToken = (ctx, flow, provider) => {
  const iat = Math.floor(ctx.now / 1e3);
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url({
    iss: `https://${provider}.oauth.emulator.invalid`,
    aud: `emulated-${provider}-client-id`,
    sub: flow.provider_subject,
    iat,
    exp: iat + ACCESS_TOKEN_SECONDS,
    ...flow.email === void 0 ? {} : { email: flow.email, email_verified: flow.email_verified ?? true },
    ...flow.name === void 0 ? {} : { name: flow.name },
    emulated: true
  })}.`;
};
var splitName = (full) => {
  const parts = full.trim().split(/\s+/).filter((p) => p !== "");
  if (parts.length === 0) return {};
  if (parts.length === 1) return { first_name: parts[0] };
  return {
    first_name: parts[0],
    ...parts.length > 2 ? { middle_name: parts.slice(1, -1).join(" ") } : {},
    last_name: parts[parts.length - 1]
  };
};
var checkPkce = (challenge, verifier) => {
  if (challenge === void 0) {
    return verifier === void 0 ? Effect27.void : fail5(
      "pkce_did_not_expect_code_verifier",
      "This flow was not started with a code_challenge, but a code_verifier was given."
    );
  }
  if (verifier === void 0) return fail5("pkce_expected_code_verifier");
  return createHash3("sha256").update(verifier).digest("base64url") === challenge ? Effect27.void : fail5("pkce_mismatch");
};
var resolveUser = (ctx, flow, provider) => Effect27.gen(function* () {
  const { store } = ctx;
  const email = typeof flow.email === "string" && flow.email.trim() !== "" ? flow.email.trim() : void 0;
  const emailVerified = flow.email_verified ?? true;
  let registered;
  for (const user2 of store.users.values()) {
    const registration = user2.providers.find(
      (p) => p.provider_type === provider && p.provider_subject === flow.provider_subject
    );
    if (registration !== void 0) registered = { user: user2, registration };
  }
  let user;
  let isNew = false;
  if (flow.attach_error !== void 0) {
    return yield* fail5("invalid_oauth_attach_token", flow.attach_error, 400);
  } else if (flow.attach_user_id !== void 0) {
    const attached = store.users.get(flow.attach_user_id);
    if (attached === void 0) {
      return yield* fail5("invalid_oauth_attach_token", "The user of the oauth_attach_token no longer exists.", 400);
    }
    if (registered !== void 0 && registered.user !== attached) {
      return yield* fail5("invalid_oauth_attach_token", "This provider account is linked to another user.", 400);
    }
    user = attached;
  } else if (registered !== void 0) {
    user = registered.user;
  } else {
    const holder = email !== void 0 && emailVerified ? store.userByEmail(email) : void 0;
    if (holder !== void 0 && holder.emails.some((e) => sameEmail(e.email, email) && e.verified)) {
      user = holder;
    } else {
      user = newUser(ctx, "active");
      if (typeof flow.name === "string") user.name = splitName(flow.name);
      isNew = true;
    }
  }
  let emailPlan = { kind: "none" };
  if (email !== void 0) {
    const own = user.emails.find((e) => sameEmail(e.email, email));
    if (own !== void 0) {
      emailPlan = emailVerified && !own.verified ? { kind: "verify", record: own } : { kind: "none", email_id: own.email_id };
    } else if (store.userByEmail(email) === void 0 && (isNew || emailVerified)) {
      emailPlan = {
        kind: "add",
        record: { email_id: newId("email", store.settings.projectId), email, verified: emailVerified }
      };
    }
  }
  const registration_id = registered?.user === user ? registered.registration.oauth_user_registration_id : newId("oauth-user-registration", store.settings.projectId);
  return {
    user,
    isNew,
    registration: registered?.user === user ? registered.registration : void 0,
    registration_id,
    email,
    emailVerified,
    emailPlan
  };
});
var authenticate2 = (ctx, req) => Effect27.gen(function* () {
  const { store } = ctx;
  const token = store.tokens.get(req.token);
  if (token === void 0 || token.kind !== "oauth") {
    return yield* fail5("oauth_token_not_found", "The OAuth token could not be found.", 404);
  }
  if (token.used) {
    return yield* fail5("oauth_token_not_found", "The OAuth token has already been used. Start a new OAuth flow.", 404);
  }
  if (token.expires_at <= ctx.now) {
    return yield* fail5("oauth_token_not_found", "The OAuth token has expired. Start a new OAuth flow.", 404);
  }
  const flow = token.data ?? {};
  const provider = normalizeProvider(flow.provider_type);
  const factorKey = PROVIDER_FACTOR_KEYS[provider];
  if (factorKey === void 0 || typeof flow.provider_subject !== "string" || flow.provider_subject === "") {
    return yield* fail5(
      "invalid_oauth_provider",
      `The OAuth flow names an unknown provider (${JSON.stringify(flow.provider_type)}) or no provider_subject.`,
      400
    );
  }
  yield* checkPkce(token.code_challenge, req.code_verifier);
  const plan = yield* resolveUser(ctx, flow, provider);
  const { emailPlan, user } = plan;
  const email_id = emailPlan.kind === "none" ? emailPlan.email_id : emailPlan.record.email_id;
  const commit = yield* prepareSession(
    ctx,
    user,
    factor(ctx, "oauth", `oauth_${provider}`, {
      [factorKey]: {
        id: plan.registration_id,
        provider_subject: flow.provider_subject,
        ...email_id === void 0 ? {} : { email_id }
      }
    }),
    req
  );
  if (plan.isNew) insertUser(store, user);
  if (emailPlan.kind === "add") {
    user.emails.push(emailPlan.record);
    store.emailIndex.set(emailPlan.record.email.toLowerCase(), user.user_id);
  } else if (emailPlan.kind === "verify") {
    emailPlan.record.verified = true;
    emailPlan.record.unverifiedUntil = void 0;
  }
  if (plan.registration !== void 0) {
    if (flow.profile_picture_url !== void 0) plan.registration.profile_picture_url = flow.profile_picture_url;
    if (flow.locale !== void 0) plan.registration.locale = flow.locale;
  } else {
    user.providers.push({
      oauth_user_registration_id: plan.registration_id,
      provider_type: provider,
      provider_subject: flow.provider_subject,
      ...plan.email === void 0 ? {} : { email: plan.email },
      ...flow.profile_picture_url === void 0 ? {} : { profile_picture_url: flow.profile_picture_url },
      ...flow.locale === void 0 ? {} : { locale: flow.locale }
    });
  }
  user.status = "active";
  if (plan.email !== void 0 && plan.emailVerified && user.emails.some((e) => sameEmail(e.email, plan.email))) {
    markPasswordlessEmailAuth(user, plan.email);
  }
  token.used = true;
  const { session, session_jwt, session_token } = commit();
  return {
    user_id: user.user_id,
    provider_subject: flow.provider_subject,
    provider_type: provider,
    session_token,
    session_jwt,
    provider_values: {
      access_token: `emulated-${provider}-access-token-${newToken()}`,
      refresh_token: `emulated-${provider}-refresh-token-${newToken()}`,
      id_token: emulatedIdToken(ctx, flow, provider),
      scopes: Array.isArray(flow.scopes) ? [...flow.scopes] : DEFAULT_SCOPES,
      expires_at: iso(ctx.now + ACCESS_TOKEN_SECONDS * 1e3)
    },
    user: userWire(user),
    reset_sessions: false,
    oauth_user_registration_id: plan.registration_id,
    ...session === void 0 ? {} : { user_session: session }
  };
});
var oauthHandlers = {
  "oauth.attach": attach,
  "oauth.authenticate": authenticate2
};

// src/emulator/handlers/otps.ts
import * as Effect28 from "effect/Effect";
var DEFAULT_MINUTES = { sms: 2, whatsapp: 2, email: 10 };
var checkExpiration = (channel, value2) => checkMinutes(value2, {
  field: "expiration_minutes",
  fallback: DEFAULT_MINUTES[channel],
  min: 1,
  max: 10,
  error_type: "invalid_expiration_otp"
});
var issueCode = (ctx, options) => {
  const code = newCode();
  ctx.store.otps.set(options.method_id, {
    method_id: options.method_id,
    user_id: options.user.user_id,
    channel: options.channel,
    code,
    expires_at: ctx.now + options.minutes * 6e4,
    attempts: 0,
    used: false,
    ...options.attributes === void 0 ? {} : { attributes: options.attributes }
  });
  deliver(ctx, {
    channel: options.channel,
    to: options.to,
    kind: "otp",
    user_id: options.user.user_id,
    code,
    method_id: options.method_id,
    ...options.locale === void 0 ? {} : { locale: options.locale }
  });
};
var sendCode = (channel, resolve, address, answer) => (ctx, req) => Effect28.gen(function* () {
  const locale = yield* checkLocale(req.locale);
  const minutes3 = yield* checkExpiration(channel, req.expiration_minutes);
  const recipient = yield* resolve(ctx, req);
  const { method_id, to } = address(recipient.commit());
  issueCode(ctx, {
    channel,
    user: recipient.user,
    method_id,
    to,
    minutes: minutes3,
    attributes: sendAttributes(req.attributes),
    locale
  });
  return answer(recipient.user, method_id, recipient.created);
});
var phoneAddress = (p) => ({ method_id: p.phone_id, to: p.phone_number });
var emailAddress = (e) => ({ method_id: e.email_id, to: e.email });
var phoneSend = (channel) => sendCode(
  channel,
  (ctx, req) => phoneForSend(ctx, req.phone_number, req),
  phoneAddress,
  (user, phone_id) => ({ user_id: user.user_id, phone_id })
);
var phoneLoginOrCreate = (channel) => sendCode(
  channel,
  (ctx, req) => phoneForLoginOrCreate(ctx, req.phone_number, req.create_user_as_pending === true),
  phoneAddress,
  (user, phone_id, user_created) => ({ user_id: user.user_id, phone_id, user_created })
);
var emailSend = sendCode(
  "email",
  (ctx, req) => emailForSend(ctx, req.email, req),
  emailAddress,
  (user, email_id) => ({ user_id: user.user_id, email_id })
);
var emailLoginOrCreate = sendCode(
  "email",
  (ctx, req) => emailForLoginOrCreate(ctx, req.email, req.create_user_as_pending === true),
  emailAddress,
  (user, email_id, user_created) => ({ user_id: user.user_id, email_id, user_created })
);
var authenticate3 = (ctx, req) => Effect28.gen(function* () {
  const { store } = ctx;
  const record = store.otps.get(req.method_id);
  if (record === void 0) return yield* fail5("otp_code_not_found");
  if (record.used || record.expires_at <= ctx.now || record.attempts >= store.settings.otpMaxAttempts) {
    return yield* fail5("unable_to_auth_otp_code");
  }
  const user = store.users.get(record.user_id);
  const email = user?.emails.find((e) => e.email_id === record.method_id);
  const phone = user?.phone_numbers.find((p) => p.phone_id === record.method_id);
  if (user === void 0 || email === void 0 && phone === void 0) return yield* fail5("otp_code_not_found");
  if (req.code !== record.code) {
    record.attempts += 1;
    return yield* fail5("otp_code_not_found");
  }
  yield* checkAttributeMatch(record.attributes, req);
  const newFactor = email !== void 0 ? factor(ctx, "otp", "email", { email_factor: { email_id: email.email_id, email_address: email.email } }) : factor(ctx, "otp", record.channel, {
    phone_number_factor: { phone_id: phone.phone_id, phone_number: phone.phone_number }
  });
  const startSession = yield* prepareSession(ctx, user, newFactor, req);
  record.used = true;
  verifyFactor(user, email ?? phone);
  if (email !== void 0) markPasswordlessEmailAuth(user, email.email);
  const { session, session_jwt, session_token } = startSession();
  return {
    user_id: user.user_id,
    method_id: record.method_id,
    session_token,
    session_jwt,
    reset_sessions: false,
    user: userWire(user),
    ...session === void 0 ? {} : { session }
  };
});
var otpsHandlers = {
  "otps.authenticate": authenticate3,
  "otps.sms.send": phoneSend("sms"),
  "otps.sms.loginOrCreate": phoneLoginOrCreate("sms"),
  "otps.whatsapp.send": phoneSend("whatsapp"),
  "otps.whatsapp.loginOrCreate": phoneLoginOrCreate("whatsapp"),
  "otps.email.send": emailSend,
  "otps.email.loginOrCreate": emailLoginOrCreate
};

// src/emulator/handlers/passwords.ts
import * as Effect29 from "effect/Effect";
import { createHash as createHash4 } from "node:crypto";
var atomic = (block) => Effect29.suspend(() => {
  const result = Effect29.runSync(Effect29.either(block));
  return result._tag === "Right" ? Effect29.succeed(result.right) : Effect29.fail(result.left);
});
var hashNative = (password) => Effect29.promise(() => hashPassword(password));
var emailRecord = (user, email) => user.emails.find((e) => e.email.toLowerCase() === email.toLowerCase());
var passwordFactor = (ctx, email) => factor(ctx, "password", "knowledge", { email_factor: { email_id: email.email_id, email_address: email.email } });
var checkNewPassword = (ctx, password, userInputs) => Effect29.suspend(() => {
  const result = strengthCheck(password, ctx.store.settings.passwordPolicy, userInputs);
  if (result.breached_password) return fail5("breached_password");
  if (!result.valid_password) return fail5("weak_password");
  return Effect29.void;
});
var passwordlessAtSet = /* @__PURE__ */ new WeakMap();
var storePassword = (user, record) => {
  user.password = record;
  passwordlessAtSet.set(record, new Set(user.passwordlessEmails));
};
var nativePassword = (ctx, user, hash) => ({
  password_id: user.password?.password_id ?? newId("password", ctx.store.settings.projectId),
  kind: "native",
  hash,
  requiresReset: false
});
var mustReset = (ctx, user, record, email, password) => {
  if (record.requiresReset) return true;
  const key = email.toLowerCase();
  const snapshot = passwordlessAtSet.get(record);
  if (snapshot !== void 0 && user.passwordlessEmails.has(key) && !snapshot.has(key)) return true;
  return strengthCheck(password, ctx.store.settings.passwordPolicy).breached_password;
};
var verifyRecord = (record, password) => Effect29.promise(
  () => record.kind === "native" ? verifyPassword(password, record.hash) : verifyMigratedHash(password, record.hash_type, record.hash, record.config)
);
var verifyPresented = (record, password) => Effect29.gen(function* () {
  const ok = yield* verifyRecord(record, password);
  const upgrade = ok && record.kind === "migrated" ? yield* hashNative(password) : void 0;
  return { ok, upgrade };
});
var userWithPassword = (ctx, email) => Effect29.gen(function* () {
  yield* checkEmail(email);
  const user = ctx.store.userByEmail(email);
  if (user === void 0) return yield* fail5("email_not_found");
  if (user.password === void 0) return yield* fail5("no_user_password");
  return { user, record: user.password };
});
var stillVerified = (ctx, user_id, record, ok) => Effect29.suspend(() => {
  const user = ctx.store.users.get(user_id);
  if (user === void 0) return fail5("email_not_found");
  if (user.password !== record || !ok) return fail5("unauthorized_credentials");
  return Effect29.succeed(user);
});
var withSession = (s) => ({
  session_token: s.session_token,
  session_jwt: s.session_jwt,
  ...s.session === void 0 ? {} : { session: s.session }
});
var mergeMetadata = (current, patch) => {
  if (patch === void 0) return current;
  const out = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};
var create2 = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  yield* checkEmail(req.email);
  if (store.userByEmail(req.email) !== void 0) return yield* fail5("duplicate_email");
  yield* checkNewPassword(ctx, req.password, [req.email]);
  const hash = yield* hashNative(req.password);
  return yield* atomic(Effect29.gen(function* () {
    if (store.userByEmail(req.email) !== void 0) return yield* fail5("duplicate_email");
    const user = newUser(ctx);
    const email = {
      email_id: newId("email", store.settings.projectId),
      email: req.email,
      verified: false
    };
    user.emails.push(email);
    if (req.name !== void 0) user.name = { ...req.name };
    user.trusted_metadata = mergeMetadata({}, req.trusted_metadata);
    user.untrusted_metadata = mergeMetadata({}, req.untrusted_metadata);
    storePassword(user, nativePassword(ctx, user, hash));
    const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), {
      session_duration_minutes: req.session_duration_minutes,
      session_custom_claims: req.session_custom_claims
    });
    insertUser(store, user);
    const session = commit();
    return { user_id: user.user_id, email_id: email.email_id, user: userWire(user), ...withSession(session) };
  }));
});
var authenticate4 = (ctx, req) => Effect29.gen(function* () {
  const { record, user: found } = yield* userWithPassword(ctx, req.email);
  const { ok, upgrade } = yield* verifyPresented(record, req.password);
  return yield* atomic(Effect29.gen(function* () {
    const user = yield* stillVerified(ctx, found.user_id, record, ok);
    if (mustReset(ctx, user, record, req.email, req.password)) return yield* fail5("reset_password");
    const email = emailRecord(user, req.email);
    if (email === void 0) return yield* fail5("email_not_found");
    const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), req);
    if (upgrade !== void 0) {
      const native = { ...nativePassword(ctx, user, upgrade), requiresReset: record.requiresReset };
      user.password = native;
      const snapshot = passwordlessAtSet.get(record);
      if (snapshot !== void 0) passwordlessAtSet.set(native, snapshot);
    }
    const session = commit();
    return { user_id: user.user_id, user: userWire(user), ...withSession(session) };
  }));
});
var strength = (ctx, req) => Effect29.sync(() => {
  const result = strengthCheck(
    req.password,
    ctx.store.settings.passwordPolicy,
    req.email === void 0 ? [] : [req.email]
  );
  return { ...result };
});
var HASH_TYPES = /* @__PURE__ */ new Set([
  "bcrypt",
  "md_5",
  "argon_2i",
  "argon_2id",
  "sha_1",
  "sha_512",
  "scrypt",
  "phpass",
  "pbkdf_2"
]);
var CONFIG_ERROR_TYPES = {
  "scrypt_config.salt": "invalid_base64_scrypt_salt",
  "scrypt_config.n_parameter": "invalid_scrypt_n_parameter",
  "scrypt_config.r_parameter": "invalid_scrypt_parameters",
  "scrypt_config.p_parameter": "invalid_scrypt_parameters",
  "scrypt_config.key_length": "invalid_scrypt_parameters",
  "pbkdf_2_config.salt": "invalid_pbkdf_2_salt",
  "pbkdf_2_config.iteration_amount": "invalid_pbkdf_2_iteration_amount",
  "pbkdf_2_config.algorithm": "invalid_pbkdf_2_algorithm",
  "argon_2_config.salt": "invalid_argon_2_salt",
  "argon_2_config.iteration_amount": "invalid_argon_2_iteration_amount",
  "argon_2_config.threads": "invalid_argon_2_threads",
  "argon_2_config.memory": "invalid_argon_2_memory",
  "argon_2_config.key_length": "invalid_argon_2_key_length"
};
var configErrorType = (message) => {
  const field = /^(\w+_config\.\w+)/.exec(message)?.[1];
  return (field === void 0 ? void 0 : CONFIG_ERROR_TYPES[field]) ?? "bad_request";
};
var HEX = /^[0-9a-f]+$/i;
var BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/;
var digestOf = (hash, bytes) => {
  const s = hash.trim();
  if (s.length === bytes * 2 && HEX.test(s)) return true;
  return BASE64.test(s) && Buffer.from(s, s.includes("-") || s.includes("_") ? "base64url" : "base64").length === bytes;
};
var looksEncoded = (hash) => HEX.test(hash.trim()) || BASE64.test(hash.trim());
var BCRYPT = /^\$2[aby]?\$(\d{2})\$[./A-Za-z0-9]{53}$/;
var PHC_ARGON2 = /^\$argon2(id|i)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
var checkHashShape = (hashType, hash, config) => {
  switch (hashType) {
    case "bcrypt": {
      const m = BCRYPT.exec(hash);
      if (m === null) return ["invalid_bcrypt_hash", "The hash is not a bcrypt hash ($2a$, $2b$ or $2y$)."];
      const cost = Number(m[1]);
      return cost < 4 || cost > 31 ? ["invalid_bcrypt_cost", "The bcrypt cost must be between 4 and 31."] : void 0;
    }
    case "md_5":
      return digestOf(hash, 16) ? void 0 : ["invalid_md_5_hash", "The hash is not a hex or base64 MD-5 digest."];
    case "sha_1":
      return digestOf(hash, 20) ? void 0 : ["invalid_sha_1_hash", "The hash is not a hex or base64 SHA-1 digest."];
    case "sha_512":
      return digestOf(hash, 64) ? void 0 : ["invalid_sha_512_hash", "The hash is not a hex or base64 SHA-512 digest."];
    case "scrypt": {
      if (digestOf(hash, config.scrypt_config.key_length)) return void 0;
      return looksEncoded(hash) ? ["scrypt_key_length_mismatch", "The scrypt_config.key_length does not match the length of the hash."] : ["invalid_base64_scrypt_hash", "The scrypt hash must be base64 encoded."];
    }
    case "pbkdf_2": {
      if (digestOf(hash, config.pbkdf_2_config.key_length)) return void 0;
      return looksEncoded(hash) ? ["pbkdf_2_key_length_mismatch", "The pbkdf_2_config.key_length does not match the length of the hash."] : ["invalid_pbkdf_2_hash", "The PBKDF2 hash must be hex or base64 encoded."];
    }
    case "argon_2i":
    case "argon_2id": {
      const phc = PHC_ARGON2.exec(hash.trim());
      if (phc !== null) {
        return `argon_2${phc[1]}` === hashType ? void 0 : ["invalid_hash", `The hash is an argon2${phc[1]} hash but hash_type is ${hashType}.`];
      }
      if (config.argon_2_config === void 0) {
        return ["invalid_hash", "A raw argon2 digest needs argon_2_config (or pass a PHC-encoded $argon2 hash)."];
      }
      return digestOf(hash, config.argon_2_config.key_length) ? void 0 : ["argon_2_key_length_mismatch", "The key_length value doesn't match the length of the provided hash."];
    }
    case "phpass": {
      if (hash.startsWith("$2")) {
        return BCRYPT.test(hash) ? void 0 : ["invalid_phpass_hash_format", "The bcrypt-style phpass hash is malformed."];
      }
      if (!hash.startsWith("$P$") && !hash.startsWith("$H$")) {
        return ["invalid_phpass_hash_prefix", "A phpass hash starts with $P$, $H$ or $2."];
      }
      return hash.length === 34 ? void 0 : ["invalid_phpass_hash_format", "A portable phpass hash has 34 characters."];
    }
  }
};
var migrate = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  yield* checkEmail(req.email);
  if (!HASH_TYPES.has(req.hash_type)) {
    return yield* fail5("invalid_hash_type", `hash_type must be one of ${[...HASH_TYPES].join(", ")}.`);
  }
  const hashType = req.hash_type;
  const config = {
    ...req.md_5_config === void 0 ? {} : { md_5_config: req.md_5_config },
    ...req.argon_2_config === void 0 ? {} : { argon_2_config: req.argon_2_config },
    ...req.sha_1_config === void 0 ? {} : { sha_1_config: req.sha_1_config },
    ...req.sha_512_config === void 0 ? {} : { sha_512_config: req.sha_512_config },
    ...req.scrypt_config === void 0 ? {} : { scrypt_config: req.scrypt_config },
    ...req.pbkdf_2_config === void 0 ? {} : { pbkdf_2_config: req.pbkdf_2_config }
  };
  const configProblem = checkMigrateConfig(hashType, config);
  if (configProblem !== void 0) return yield* fail5(configErrorType(configProblem), configProblem);
  const shapeProblem = checkHashShape(hashType, req.hash, config);
  if (shapeProblem !== void 0) return yield* fail5(shapeProblem[0], shapeProblem[1]);
  if (req.phone_number !== void 0) yield* checkPhone(req.phone_number);
  return yield* atomic(Effect29.gen(function* () {
    const existing = store.userByEmail(req.email);
    if (existing?.password !== void 0) {
      return yield* fail5(
        "password_already_exists",
        "This user already has a password; delete it or use a reset flow."
      );
    }
    if (req.phone_number !== void 0) {
      const owner = store.userByPhone(req.phone_number);
      if (owner !== void 0 && owner !== existing) return yield* fail5("duplicate_phone_number");
    }
    if (req.external_id !== void 0) {
      const owner = store.externalIdIndex.get(req.external_id);
      if (owner !== void 0 && owner !== existing?.user_id) return yield* fail5("duplicate_user_external_id");
    }
    const user = existing ?? newUser(ctx);
    let email = emailRecord(user, req.email);
    if (email === void 0) {
      email = { email_id: newId("email", store.settings.projectId), email: req.email, verified: false };
      user.emails.push(email);
    }
    if (req.set_email_verified === true) email.verified = true;
    if (req.name !== void 0) user.name = { ...user.name, ...req.name };
    user.trusted_metadata = mergeMetadata(user.trusted_metadata, req.trusted_metadata);
    user.untrusted_metadata = mergeMetadata(user.untrusted_metadata, req.untrusted_metadata);
    if (req.roles !== void 0) user.roles = [...req.roles];
    if (req.external_id !== void 0 && req.external_id !== user.external_id) {
      if (user.external_id !== void 0) store.externalIdIndex.delete(user.external_id);
      user.external_id = req.external_id;
      if (existing !== void 0) store.externalIdIndex.set(req.external_id, user.user_id);
    }
    storePassword(user, {
      password_id: newId("password", store.settings.projectId),
      kind: "migrated",
      hash_type: hashType,
      hash: req.hash,
      config,
      requiresReset: false
    });
    if (existing === void 0) {
      if (req.phone_number !== void 0) {
        user.phone_numbers.push({
          phone_id: newId("phone-number", store.settings.projectId),
          phone_number: req.phone_number,
          verified: req.set_phone_number_verified === true
        });
      }
      insertUser(store, user);
    } else {
      if (req.phone_number !== void 0) {
        const phone = user.phone_numbers.find((p) => p.phone_number === req.phone_number) ?? addPhone(store, user, req.phone_number, false);
        if (req.set_phone_number_verified === true) phone.verified = true;
      }
    }
    return {
      user_id: user.user_id,
      email_id: email.email_id,
      user_created: existing === void 0,
      user: userWire(user)
    };
  }));
});
var DEFAULT_RESET_MINUTES = 30;
var MIN_RESET_MINUTES = 5;
var MAX_RESET_MINUTES = 10080;
var withTokenParams = (base, token) => {
  const url = new URL(base);
  url.searchParams.set("stytch_token_type", "reset_password");
  url.searchParams.set("token", token);
  return url.toString();
};
var isUrl = (s) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};
var resetStart = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  yield* checkEmail(req.email);
  const minutes3 = req.reset_password_expiration_minutes ?? DEFAULT_RESET_MINUTES;
  if (!Number.isInteger(minutes3) || minutes3 < MIN_RESET_MINUTES || minutes3 > MAX_RESET_MINUTES) {
    return yield* fail5(
      "invalid_expiration",
      `reset_password_expiration_minutes must be between ${MIN_RESET_MINUTES} and ${MAX_RESET_MINUTES}.`
    );
  }
  const redirect = req.reset_password_redirect_url ?? store.settings.resetPasswordRedirectUrl;
  if (redirect === void 0 || redirect === "") return yield* fail5("no_password_reset_redirect_url");
  if (!isUrl(redirect)) return yield* fail5("invalid_password_reset_redirect_url");
  if (req.code_challenge !== void 0 && !/^[A-Za-z0-9_-]{43}$/.test(req.code_challenge)) {
    return yield* fail5("invalid_pkce_code_challenge", "code_challenge must be base64url(sha256(code_verifier)).");
  }
  return yield* atomic(Effect29.gen(function* () {
    const user = store.userByEmail(req.email);
    const email = user === void 0 ? void 0 : emailRecord(user, req.email);
    if (user === void 0 || email === void 0) return yield* fail5("email_not_found");
    const token = newToken();
    const attributes = req.attributes === void 0 ? void 0 : {
      ...req.attributes.ip_address === void 0 ? {} : { ip_address: req.attributes.ip_address },
      ...req.attributes.user_agent === void 0 ? {} : { user_agent: req.attributes.user_agent }
    };
    const record = {
      token,
      kind: "password_reset",
      user_id: user.user_id,
      email: email.email,
      email_id: email.email_id,
      expires_at: ctx.now + minutes3 * 6e4,
      used: false,
      ...attributes === void 0 ? {} : { attributes },
      ...req.code_challenge === void 0 ? {} : { code_challenge: req.code_challenge }
    };
    store.tokens.set(token, record);
    store.outbox.push({
      id: newId("email-message", store.settings.projectId),
      channel: "email",
      to: email.email,
      kind: "password_reset",
      user_id: user.user_id,
      token,
      url: withTokenParams(redirect, token),
      ...req.locale === void 0 ? {} : { locale: req.locale },
      sent_at: iso(ctx.now)
    });
    return { user_id: user.user_id, email_id: email.email_id };
  }));
});
var pkceChallenge = (verifier) => createHash4("sha256").update(verifier, "utf8").digest("base64url");
var checkResetToken = (ctx, record, req) => Effect29.gen(function* () {
  if (record === void 0 || record.kind !== "password_reset" || record.used || record.expires_at <= ctx.now) {
    return yield* fail5(
      "unable_to_auth_password_reset_token",
      "The password reset token could not be authenticated: it is unknown, already used or expired.",
      401
    );
  }
  if (record.code_challenge !== void 0) {
    if (req.code_verifier === void 0) return yield* fail5("pkce_expected_code_verifier");
    if (pkceChallenge(req.code_verifier) !== record.code_challenge) return yield* fail5("pkce_mismatch");
  } else if (req.code_verifier !== void 0) {
    return yield* fail5("pkce_did_not_expect_code_verifier");
  }
  const stored = record.attributes ?? {};
  const given = req.attributes ?? {};
  if (req.options?.ip_match_required === true && (stored.ip_address === void 0 || stored.ip_address !== given.ip_address)) {
    return yield* fail5("attribute_mismatch");
  }
  if (req.options?.user_agent_match_required === true && (stored.user_agent === void 0 || stored.user_agent !== given.user_agent)) {
    return yield* fail5("attribute_mismatch");
  }
  return record;
});
var emailReset = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  const early = yield* checkResetToken(ctx, store.tokens.get(req.token), req);
  yield* checkNewPassword(ctx, req.password, early.email === void 0 ? [] : [early.email]);
  const hash = yield* hashNative(req.password);
  return yield* atomic(Effect29.gen(function* () {
    const record = yield* checkResetToken(ctx, store.tokens.get(req.token), req);
    const user = store.users.get(record.user_id);
    if (user === void 0) return yield* fail5("user_not_found");
    const email = user.emails.find((e) => e.email_id === record.email_id);
    if (email === void 0) return yield* fail5("email_not_found");
    const commit = yield* prepareSession(
      ctx,
      user,
      factor(ctx, "magic_link", "email", { email_factor: { email_id: email.email_id, email_address: email.email } }),
      req
    );
    const keep = yield* keptSession(ctx, req);
    record.used = true;
    storePassword(user, nativePassword(ctx, user, hash));
    email.verified = true;
    email.unverifiedUntil = void 0;
    revokeUserSessions(store, user.user_id, keep);
    const session = commit();
    return { user_id: user.user_id, user: userWire(user), ...withSession(session) };
  }));
});
var keptSession = (ctx, req) => req.session_token === void 0 && req.session_jwt === void 0 ? Effect29.succeed(void 0) : Effect29.map(findSession(ctx, req), (s) => s.session_id);
var existingPasswordReset = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  const { record, user: found } = yield* userWithPassword(ctx, req.email);
  yield* checkNewPassword(ctx, req.new_password, [req.email]);
  const { ok } = yield* verifyPresented(record, req.existing_password);
  const hash = yield* hashNative(req.new_password);
  return yield* atomic(Effect29.gen(function* () {
    const user = yield* stillVerified(ctx, found.user_id, record, ok);
    if (mustReset(ctx, user, record, req.email, req.existing_password)) return yield* fail5("reset_password");
    if (req.new_password === req.existing_password) {
      return yield* fail5(
        "cannot_reset_password_with_existing_password",
        "The new password must be different from the existing password."
      );
    }
    const email = emailRecord(user, req.email);
    if (email === void 0) return yield* fail5("email_not_found");
    const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), req);
    const keep = yield* keptSession(ctx, req);
    storePassword(user, nativePassword(ctx, user, hash));
    revokeUserSessions(store, user.user_id, keep);
    const session = commit();
    return { user_id: user.user_id, user: userWire(user), ...withSession(session) };
  }));
});
var RESET_FACTOR_WINDOW_MS = 5 * 6e4;
var hasFreshResetFactor = (ctx, factors) => factors.some(
  (f) => (f.type === "password" || (f.type === "magic_link" || f.type === "otp") && f.delivery_method === "email") && ctx.now - Date.parse(f.last_authenticated_at) <= RESET_FACTOR_WINDOW_MS
);
var sessionsReset = (ctx, req) => Effect29.gen(function* () {
  const { store } = ctx;
  const minutes3 = req.session_duration_minutes;
  if (minutes3 !== void 0 && (!Number.isInteger(minutes3) || minutes3 < 5 || minutes3 > 527040)) {
    return yield* fail5(
      "invalid_session_duration",
      "session_duration_minutes must be between 5 and 527040 (366 days)."
    );
  }
  const early = yield* findSession(ctx, req);
  const owner = store.users.get(early.user_id);
  yield* checkNewPassword(ctx, req.password, owner?.emails.map((e) => e.email) ?? []);
  const hash = yield* hashNative(req.password);
  return yield* atomic(Effect29.gen(function* () {
    const session = yield* findSession(ctx, req);
    const user = store.users.get(session.user_id);
    if (user === void 0) return yield* fail5("user_not_found");
    if (!hasFreshResetFactor(ctx, session.authentication_factors)) {
      return yield* fail5("session_too_old_to_reset_password");
    }
    storePassword(user, nativePassword(ctx, user, hash));
    revokeUserSessions(store, user.user_id, session.session_id);
    session.last_accessed_at = ctx.now;
    if (minutes3 !== void 0) session.expires_at = ctx.now + minutes3 * 6e4;
    if (req.session_custom_claims !== void 0) {
      session.custom_claims = { ...session.custom_claims, ...cleanCustomClaims(req.session_custom_claims) };
    }
    return {
      user_id: user.user_id,
      user: userWire(user),
      session_token: session.session_token,
      session_jwt: sessionJwt(ctx, session),
      session: sessionWire(session, user)
    };
  }));
});
var passwordsHandlers = {
  "passwords.create": create2,
  "passwords.authenticate": authenticate4,
  "passwords.strengthCheck": strength,
  "passwords.migrate": migrate,
  "passwords.email.resetStart": resetStart,
  "passwords.email.reset": emailReset,
  "passwords.existingPassword.reset": existingPasswordReset,
  "passwords.sessions.reset": sessionsReset
};

// src/emulator/handlers/sessions.ts
import * as Effect30 from "effect/Effect";
var get = (ctx, req) => Effect30.map(getUser(ctx.store, req.user_id), (user) => ({
  sessions: [...ctx.store.sessions.values()].filter((s) => s.user_id === user.user_id && s.expires_at > ctx.now).sort((a, b) => a.started_at - b.started_at).map((s) => sessionWire(s, user))
}));
var updateClaims = (current, patch) => {
  const out = { ...current };
  for (const [k, v] of Object.entries(cleanCustomClaims(patch))) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};
var authenticate5 = (ctx, req) => Effect30.gen(function* () {
  if (req.session_token === void 0 && req.session_jwt === void 0) {
    return yield* fail5("no_session_arguments", "A session_token or a session_jwt is required.", 400);
  }
  const minutes3 = req.session_duration_minutes;
  if (minutes3 !== void 0 && (!Number.isInteger(minutes3) || minutes3 < 5 || minutes3 > 527040)) {
    return yield* fail5(
      "invalid_session_duration_minutes",
      "session_duration_minutes is invalid, should be between 5 to 527040 minutes.",
      400
    );
  }
  const session = yield* findSession(ctx, req);
  const user = yield* getUser(ctx.store, session.user_id);
  session.last_accessed_at = ctx.now;
  if (minutes3 !== void 0) session.expires_at = ctx.now + minutes3 * 6e4;
  if (req.session_custom_claims !== void 0) {
    session.custom_claims = updateClaims(session.custom_claims, req.session_custom_claims);
  }
  return {
    session: sessionWire(session, user),
    session_token: session.session_token,
    session_jwt: sessionJwt(ctx, session),
    user: userWire(user)
  };
});
var revoke = (ctx, req) => Effect30.gen(function* () {
  const given = [req.session_id, req.session_token, req.session_jwt].filter((x) => x !== void 0).length;
  if (given > 1) return yield* fail5("too_many_session_revoke_arguments");
  if (given === 0) {
    return yield* fail5("no_session_revoke_arguments", "A session_id, session_token or session_jwt is required.", 400);
  }
  const session = req.session_id !== void 0 ? ctx.store.sessions.get(req.session_id) : yield* findSession(ctx, req);
  if (session === void 0 || session.expires_at <= ctx.now) return yield* fail5("session_not_found");
  ctx.store.deleteSession(session);
  return {};
});
var migrate2 = (ctx, req) => Effect30.gen(function* () {
  const url = ctx.store.settings.userinfoUrl;
  if (url === void 0) {
    return yield* fail5("invalid_userinfo_url", "No UserInfo URL is configured for this project.", 400);
  }
  const info = yield* Effect30.tryPromise(async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${req.session_token}` } });
    if (!response.ok) throw new Error(`UserInfo answered ${response.status}`);
    return await response.json();
  }).pipe(Effect30.orElse(() => fail5("oidc_invalid_userinfo", "The UserInfo endpoint did not accept the session token.", 400)));
  if (typeof info.email !== "string") {
    return yield* fail5("oidc_invalid_userinfo", "The UserInfo response has no email.", 400);
  }
  const user = ctx.store.userByEmail(info.email);
  if (user === void 0) return yield* fail5("user_not_found");
  const commit = yield* prepareSession(ctx, user, factor(ctx, "imported", "imported_auth0"), {
    session_duration_minutes: req.session_duration_minutes ?? 60,
    session_custom_claims: req.session_custom_claims
  });
  const { session, session_jwt, session_token } = commit();
  return { user_id: user.user_id, session_token, session_jwt, user: userWire(user), ...session ? { session } : {} };
});
var getJWKS = (ctx, req) => req.project_id === ctx.store.settings.projectId ? Effect30.succeed({ keys: ctx.keys.jwks() }) : fail5("project_not_found", "Project could not be found.", 404);
var sessionsHandlers = {
  "sessions.get": get,
  "sessions.authenticate": authenticate5,
  "sessions.revoke": revoke,
  "sessions.migrate": migrate2,
  "sessions.getJWKS": getJWKS
};

// src/emulator/handlers/totps.ts
import * as Effect31 from "effect/Effect";

// src/emulator/crypto/qr.ts
import { deflateSync } from "node:zlib";
var ECC_CODEWORDS_PER_BLOCK = {
  L: [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30]
};
var NUM_ECC_BLOCKS = {
  L: [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81]
};
var FORMAT_BITS = { L: 1, M: 0, Q: 3, H: 2 };
var MIN_VERSION = 1;
var MAX_VERSION = 40;
var sizeOf = (version) => version * 4 + 17;
var numRawDataModules = (version) => {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const numAlign = Math.floor(version / 7) + 2;
    result -= (25 * numAlign - 10) * numAlign - 55;
    if (version >= 7) result -= 36;
  }
  return result;
};
var numDataCodewords = (version, ecl) => Math.floor(numRawDataModules(version) / 8) - ECC_CODEWORDS_PER_BLOCK[ecl][version] * NUM_ECC_BLOCKS[ecl][version];
var alignmentPositions = (version) => {
  if (version === 1) return [];
  const numAlign = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (numAlign * 2 - 2)) * 2;
  const result = [6];
  for (let pos = sizeOf(version) - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos);
  return result;
};
var GF_EXP = new Uint8Array(512);
var GF_LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    GF_EXP[i] = x;
    GF_LOG[x] = i;
    x <<= 1;
    if (x & 256) x ^= 285;
  }
  for (let i = 255; i < 512; i++) GF_EXP[i] = GF_EXP[i - 255];
}
var gfMul = (a, b) => a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a] + GF_LOG[b]];
var rsGenerator = (degree) => {
  const result = new Uint8Array(degree);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j], root) ^ (j + 1 < degree ? result[j + 1] : 0);
    }
    root = gfMul(root, 2);
  }
  return result;
};
var rsRemainder = (data, generator) => {
  const degree = generator.length;
  const result = new Uint8Array(degree);
  for (let i = 0; i < data.length; i++) {
    const factor2 = data[i] ^ result[0];
    result.copyWithin(0, 1);
    result[degree - 1] = 0;
    for (let j = 0; j < degree; j++) result[j] ^= gfMul(generator[j], factor2);
  }
  return result;
};
var dataCodewords = (bytes, version, ecl) => {
  const capacityBits = numDataCodewords(version, ecl) * 8;
  const bits = [];
  const push = (value2, length) => {
    for (let i = length - 1; i >= 0; i--) bits.push(value2 >>> i & 1);
  };
  push(4, 4);
  push(bytes.length, version <= 9 ? 8 : 16);
  for (const b of bytes) push(b, 8);
  push(0, Math.min(4, capacityBits - bits.length));
  push(0, (8 - bits.length % 8) % 8);
  for (let pad = 236; bits.length < capacityBits; pad ^= 236 ^ 17) push(pad, 8);
  const out = new Uint8Array(bits.length / 8);
  for (let i = 0; i < bits.length; i++) out[i >>> 3] |= bits[i] << 7 - (i & 7);
  return out;
};
var addEccAndInterleave = (data, version, ecl) => {
  const numBlocks = NUM_ECC_BLOCKS[ecl][version];
  const eccLen = ECC_CODEWORDS_PER_BLOCK[ecl][version];
  const rawCodewords = Math.floor(numRawDataModules(version) / 8);
  const numShortBlocks = numBlocks - rawCodewords % numBlocks;
  const shortDataLen = Math.floor(rawCodewords / numBlocks) - eccLen;
  const generator = rsGenerator(eccLen);
  const dataBlocks = [];
  const eccBlocks = [];
  for (let i = 0, offset = 0; i < numBlocks; i++) {
    const len = shortDataLen + (i < numShortBlocks ? 0 : 1);
    const block = data.subarray(offset, offset + len);
    offset += len;
    dataBlocks.push(block);
    eccBlocks.push(rsRemainder(block, generator));
  }
  const out = new Uint8Array(rawCodewords);
  let k = 0;
  for (let i = 0; i <= shortDataLen; i++) {
    for (const block of dataBlocks) if (i < block.length) out[k++] = block[i];
  }
  for (let i = 0; i < eccLen; i++) {
    for (const block of eccBlocks) out[k++] = block[i];
  }
  return out;
};
var MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => x * y % 2 + x * y % 3 === 0,
  (x, y) => (x * y % 2 + x * y % 3) % 2 === 0,
  (x, y) => ((x + y) % 2 + x * y % 3) % 2 === 0
];
var QrSymbol = class {
  constructor(version, ecl) {
    this.version = version;
    this.ecl = ecl;
    this.size = sizeOf(version);
    this.modules = new Uint8Array(this.size * this.size);
    this.isFunction = new Uint8Array(this.size * this.size);
  }
  version;
  ecl;
  size;
  /** 1 = dark. Row-major: index y * size + x. */
  modules;
  /** 1 = function pattern (never masked, never holds data). */
  isFunction;
  setFunction(x, y, dark) {
    this.modules[y * this.size + x] = dark ? 1 : 0;
    this.isFunction[y * this.size + x] = 1;
  }
  drawFunctionPatterns() {
    const size = this.size;
    for (let i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0);
      this.setFunction(i, 6, i % 2 === 0);
    }
    this.drawFinder(3, 3);
    this.drawFinder(size - 4, 3);
    this.drawFinder(3, size - 4);
    const align = alignmentPositions(this.version);
    const last = align.length - 1;
    for (let i = 0; i <= last; i++) {
      for (let j = 0; j <= last; j++) {
        if (i === 0 && j === 0 || i === 0 && j === last || i === last && j === 0) continue;
        this.drawAlignment(align[i], align[j]);
      }
    }
    this.drawFormatBits(0);
    this.drawVersion();
  }
  /** 7x7 finder centred on (cx, cy) plus its light separator ring. */
  drawFinder(cx, cy) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || x >= this.size || y < 0 || y >= this.size) continue;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        this.setFunction(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  drawAlignment(cx, cy) {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        this.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  /** 15-bit format info: BCH(15,5) over EC level + mask, XOR 0x5412, twice. */
  drawFormatBits(mask) {
    const data = FORMAT_BITS[this.ecl] << 3 | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = rem << 1 ^ (rem >>> 9) * 1335;
    const bits = (data << 10 | rem) ^ 21522;
    const bit = (i) => (bits >>> i & 1) !== 0;
    const size = this.size;
    for (let i = 0; i <= 5; i++) this.setFunction(8, i, bit(i));
    this.setFunction(8, 7, bit(6));
    this.setFunction(8, 8, bit(7));
    this.setFunction(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.setFunction(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.setFunction(8, size - 15 + i, bit(i));
    this.setFunction(8, size - 8, true);
  }
  /** 18-bit version info, BCH(18,6), for versions >= 7, in two 6x3 blocks. */
  drawVersion() {
    if (this.version < 7) return;
    let rem = this.version;
    for (let i = 0; i < 12; i++) rem = rem << 1 ^ (rem >>> 11) * 7973;
    const bits = this.version << 12 | rem;
    for (let i = 0; i < 18; i++) {
      const dark = (bits >>> i & 1) !== 0;
      const a = this.size - 11 + i % 3;
      const b = Math.floor(i / 3);
      this.setFunction(a, b, dark);
      this.setFunction(b, a, dark);
    }
  }
  /**
   * Zigzag placement: two-column strips from the right edge, alternating
   * upward/downward, skipping the vertical timing column (x = 6). Leftover
   * modules are the remainder bits and stay light (0).
   */
  drawCodewords(codewords) {
    const size = this.size;
    const totalBits = codewords.length * 8;
    let i = 0;
    for (let right2 = size - 1; right2 >= 1; right2 -= 2) {
      if (right2 === 6) right2 = 5;
      const upward = (right2 + 1 & 2) === 0;
      for (let vert = 0; vert < size; vert++) {
        const y = upward ? size - 1 - vert : vert;
        for (let j = 0; j < 2; j++) {
          const x = right2 - j;
          const idx = y * size + x;
          if (this.isFunction[idx] || i >= totalBits) continue;
          this.modules[idx] = codewords[i >>> 3] >>> 7 - (i & 7) & 1;
          i++;
        }
      }
    }
  }
  /** XOR the mask into data modules; applying it twice undoes it. */
  applyMask(mask) {
    const fn = MASKS[mask];
    const size = this.size;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const idx = y * size + x;
        if (!this.isFunction[idx] && fn(x, y)) this.modules[idx] ^= 1;
      }
    }
  }
  /** Penalty score N1..N4 (ISO/IEC 18004 §7.8.3); lower is better. */
  penalty() {
    const size = this.size;
    const m = this.modules;
    let score = 0;
    const line = new Uint8Array(size);
    for (let pass = 0; pass < 2; pass++) {
      for (let a = 0; a < size; a++) {
        for (let b = 0; b < size; b++) line[b] = pass === 0 ? m[a * size + b] : m[b * size + a];
        score += linePenalty(line);
      }
    }
    for (let y = 0; y < size - 1; y++) {
      for (let x = 0; x < size - 1; x++) {
        const c = m[y * size + x];
        if (c === m[y * size + x + 1] && c === m[(y + 1) * size + x] && c === m[(y + 1) * size + x + 1]) score += 3;
      }
    }
    let dark = 0;
    for (const v of m) dark += v;
    const total = size * size;
    score += Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10;
    return score;
  }
};
var linePenalty = (line) => {
  const n2 = line.length;
  let score = 0;
  let runLen = 1;
  for (let i = 1; i <= n2; i++) {
    if (i < n2 && line[i] === line[i - 1]) {
      runLen++;
    } else {
      if (runLen >= 5) score += 3 + (runLen - 5);
      runLen = 1;
    }
  }
  const light = (i) => i < 0 || i >= n2 || line[i] === 0;
  const lightRun = (from) => light(from) && light(from + 1) && light(from + 2) && light(from + 3);
  for (let i = 0; i + 7 <= n2; i++) {
    if (line[i] === 1 && line[i + 1] === 0 && line[i + 2] === 1 && line[i + 3] === 1 && line[i + 4] === 1 && line[i + 5] === 0 && line[i + 6] === 1 && (lightRun(i - 4) || lightRun(i + 7))) {
      score += 40;
    }
  }
  return score;
};
var byteCapacity = (version, errorCorrection) => {
  if (!Number.isInteger(version) || version < MIN_VERSION || version > MAX_VERSION) {
    throw new RangeError(`version must be an integer in ${MIN_VERSION}..${MAX_VERSION}, got ${version}`);
  }
  const headerBits = 4 + (version <= 9 ? 8 : 16);
  return Math.floor((numDataCodewords(version, errorCorrection) * 8 - headerBits) / 8);
};
var encodeQr = (text, errorCorrection = "M", forceMask) => {
  if (forceMask !== void 0 && !(Number.isInteger(forceMask) && forceMask >= 0 && forceMask < MASKS.length)) {
    throw new RangeError(`forceMask must be an integer in 0..7, got ${forceMask}`);
  }
  const bytes = new TextEncoder().encode(text);
  let version = MIN_VERSION;
  while (version <= MAX_VERSION && bytes.length > byteCapacity(version, errorCorrection)) version++;
  if (version > MAX_VERSION) {
    throw new RangeError(`Text too long for a QR code (${bytes.length} bytes at level ${errorCorrection})`);
  }
  const symbol = new QrSymbol(version, errorCorrection);
  symbol.drawFunctionPatterns();
  symbol.drawCodewords(addEccAndInterleave(dataCodewords(bytes, version, errorCorrection), version, errorCorrection));
  let bestMask = forceMask ?? 0;
  let bestScore = Infinity;
  for (let mask = 0; forceMask === void 0 && mask < MASKS.length; mask++) {
    symbol.applyMask(mask);
    symbol.drawFormatBits(mask);
    const score = symbol.penalty();
    if (score < bestScore) {
      bestScore = score;
      bestMask = mask;
    }
    symbol.applyMask(mask);
  }
  symbol.applyMask(bestMask);
  symbol.drawFormatBits(bestMask);
  const { size, modules } = symbol;
  return {
    version,
    errorCorrection,
    size,
    mask: bestMask,
    isDark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] === 1
  };
};
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n2 = 0; n2 < 256; n2++) {
    let c = n2;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n2] = c >>> 0;
  }
  return table;
})();
var crc32 = (bytes) => {
  let c = 4294967295;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ c >>> 8;
  return (c ^ 4294967295) >>> 0;
};
var pngChunk = (type, data) => {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, "latin1");
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
};
var PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
var qrMatrixToPng = (qr, scale, margin) => {
  const modulesAcross = qr.size + 2 * margin;
  const width = modulesAcross * scale;
  const rowBytes = Math.ceil(width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * width);
  for (let my = 0; my < modulesAcross; my++) {
    const line = Buffer.alloc(rowBytes + 1);
    for (let px = 0; px < width; px++) {
      const mx = Math.floor(px / scale);
      if (!qr.isDark(mx - margin, my - margin)) line[1 + (px >>> 3)] |= 128 >>> (px & 7);
    }
    for (let r = 0; r < scale; r++) line.copy(raw, (my * scale + r) * (rowBytes + 1));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr[8] = 1;
  ihdr[9] = 0;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", new Uint8Array(0))
  ]);
};
var checkInt = (name, value2, min2) => {
  if (!Number.isSafeInteger(value2) || value2 < min2) {
    throw new RangeError(`${name} must be an integer >= ${min2}, got ${value2}`);
  }
  return value2;
};
var qrCodePngDataUrl = (text, options) => {
  const scale = checkInt("scale", options?.scale ?? 4, 1);
  const margin = checkInt("margin", options?.margin ?? 4, 0);
  const png = qrMatrixToPng(encodeQr(text, options?.errorCorrection ?? "M"), scale, margin);
  return `data:image/png;base64,${png.toString("base64")}`;
};

// src/emulator/crypto/totp.ts
import { createHmac, randomBytes as randomBytes3, randomInt, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var STEP_SECONDS = 30;
var DIGITS = 6;
var SECRET_BYTES = 20;
var SIX_DIGITS = /^[0-9]{6}$/;
var BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var base32Encode = (bytes) => {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[buffer >>> bits & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[buffer << 5 - bits & 31];
  return out;
};
var base32Decode = (input) => {
  const clean = input.replace(/[\s=]/g, "").toUpperCase();
  const out = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value2 = BASE32_ALPHABET.indexOf(char);
    if (value2 === -1) throw new TypeError(`Invalid base32 character: ${JSON.stringify(char)}`);
    buffer = buffer << 5 | value2;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push(buffer >>> bits & 255);
      buffer &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
};
var hotp = (key, counter) => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1] & 15;
  const binary = mac.readUInt32BE(offset) & 2147483647;
  return (binary % 10 ** DIGITS).toString().padStart(DIGITS, "0");
};
var counterAt = (unixMillis) => {
  if (!Number.isFinite(unixMillis) || unixMillis < 0) {
    throw new RangeError(`unixMillis must be a non-negative finite number, got ${unixMillis}`);
  }
  return Math.floor(unixMillis / 1e3 / STEP_SECONDS);
};
var generateSecret = () => base32Encode(randomBytes3(SECRET_BYTES));
var totpAt = (secretBase32, unixMillis) => hotp(base32Decode(secretBase32), counterAt(unixMillis));
var verifyTotp = (secretBase32, code, unixMillis) => {
  const key = base32Decode(secretBase32);
  const counter = counterAt(unixMillis);
  if (!SIX_DIGITS.test(code)) return false;
  const given = Buffer.from(code, "ascii");
  let matched = false;
  for (const delta of [-1, 0, 1]) {
    const c = counter + delta;
    if (c < 0) continue;
    const expected = Buffer.from(hotp(key, c), "ascii");
    matched = timingSafeEqual2(expected, given) || matched;
  }
  return matched;
};
var otpauthUrl = (options) => {
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.account)}`;
  const params = [
    ["secret", options.secret],
    ["issuer", options.issuer],
    ["algorithm", "SHA1"],
    ["digits", String(DIGITS)],
    ["period", String(STEP_SECONDS)]
  ];
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `otpauth://totp/${label}?${query}`;
};
var RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
var recoveryCode = () => {
  const group = () => {
    let s = "";
    for (let i = 0; i < 4; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return s;
  };
  return `${group()}-${group()}-${group()}`;
};
var generateRecoveryCodes = (n2 = 10) => {
  if (!Number.isSafeInteger(n2) || n2 < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n2}`);
  }
  const codes = /* @__PURE__ */ new Set();
  while (codes.size < n2) codes.add(recoveryCode());
  return Array.from(codes);
};

// src/emulator/handlers/totps.ts
var ISSUER = "Stytch Emulator";
var DEFAULT_EXPIRATION_MINUTES = 1440;
var STEP_MILLIS = 3e4;
var RECOVERY_CODE = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;
var TOTP_CODE = /^[0-9]{6}$/;
var findUser = (store, id) => {
  const user = store.users.get(id) ?? store.users.get(store.externalIdIndex.get(id) ?? "");
  return user === void 0 ? fail5("user_not_found") : Effect31.succeed(user);
};
var isLive = (t, now) => t.verified || t.expires_at === void 0 || t.expires_at > now;
var usableTotp = (user, now) => {
  const totp = user.totps.find((t) => t.verified) ?? user.totps.filter((t) => isLive(t, now)).at(-1);
  if (totp !== void 0) return Effect31.succeed(totp);
  return user.totps.length > 0 ? fail5("expired_totp", "The user's TOTP was not verified before it expired. Create a new one.", 400) : fail5("totps_not_found_for_user", "The user has no TOTP.", 404);
};
var matchingStep = (secret, code, now) => {
  if (!verifyTotp(secret, code, now)) return void 0;
  const current = Math.floor(now / STEP_MILLIS);
  return [current, current - 1, current + 1].find((step) => step >= 0 && totpAt(secret, step * STEP_MILLIS) === code);
};
var create3 = (ctx, req) => Effect31.gen(function* () {
  const user = yield* findUser(ctx.store, req.user_id);
  const minutes3 = req.expiration_minutes ?? DEFAULT_EXPIRATION_MINUTES;
  if (!Number.isInteger(minutes3) || minutes3 < 5 || minutes3 > 1440) {
    return yield* fail5("invalid_expiration", "expiration_minutes must be between 5 and 1440.", 400);
  }
  if (user.totps.some((t) => t.verified)) return yield* fail5("active_totp_exists");
  const secret = generateSecret();
  const recovery_codes = generateRecoveryCodes(10);
  const account = user.emails[0]?.email ?? user.phone_numbers[0]?.phone_number ?? user.user_id;
  const qr_code = qrCodePngDataUrl(otpauthUrl({ secret, issuer: ISSUER, account }));
  const totp = {
    totp_id: newId("totp", ctx.store.settings.projectId),
    secret,
    verified: false,
    recoveryCodes: recovery_codes.map((code) => ({ code, used: false })),
    created_at: ctx.now,
    expires_at: ctx.now + minutes3 * 6e4
  };
  user.totps = [totp];
  return {
    totp_id: totp.totp_id,
    secret,
    qr_code,
    recovery_codes: [...recovery_codes],
    user: userWire(user),
    user_id: user.user_id
  };
});
var authenticate6 = (ctx, req) => Effect31.gen(function* () {
  const user = yield* findUser(ctx.store, req.user_id);
  const code = req.totp_code.trim();
  if (RECOVERY_CODE.test(code.toLowerCase())) {
    return yield* fail5(
      "recovery_code_used_as_totp_code",
      "A recovery code was given as a TOTP code. Use totps.recover instead.",
      400
    );
  }
  const totp = yield* usableTotp(user, ctx.now);
  const step = TOTP_CODE.test(code) ? matchingStep(totp.secret, code, ctx.now) : void 0;
  if (step === void 0) {
    return yield* fail5("unable_to_authenticate_totp", "The TOTP code could not be authenticated.", 401);
  }
  if (totp.lastUsedStep !== void 0 && step <= totp.lastUsedStep) {
    return yield* fail5("totp_code_already_authenticated");
  }
  const commit = yield* prepareSession(
    ctx,
    user,
    factor(ctx, "totp", "authenticator_app", { authenticator_app_factor: { totp_id: totp.totp_id } }),
    req
  );
  totp.verified = true;
  totp.expires_at = void 0;
  totp.lastUsedStep = step;
  const { session, session_jwt, session_token } = commit();
  return {
    user_id: user.user_id,
    session_token,
    totp_id: totp.totp_id,
    session_jwt,
    user: userWire(user),
    ...session === void 0 ? {} : { session }
  };
});
var recoveryCodes = (ctx, req) => Effect31.map(findUser(ctx.store, req.user_id), (user) => ({
  user_id: user.user_id,
  totps: user.totps.filter((t) => isLive(t, ctx.now)).map((t) => ({
    totp_id: t.totp_id,
    verified: t.verified,
    recovery_codes: t.recoveryCodes.filter((c) => !c.used).map((c) => c.code)
  }))
}));
var recover = (ctx, req) => Effect31.gen(function* () {
  const user = yield* findUser(ctx.store, req.user_id);
  const code = req.recovery_code.trim().toLowerCase();
  if (TOTP_CODE.test(code)) {
    return yield* fail5(
      "totp_code_used_as_recovery_code",
      "A TOTP code was given as a recovery code. Use totps.authenticate instead.",
      400
    );
  }
  if (user.totps.length === 0) return yield* fail5("totps_not_found_for_user", "The user has no TOTP.", 404);
  let found;
  for (const totp2 of user.totps) {
    const entry2 = totp2.recoveryCodes.find((c) => c.code === code);
    if (entry2 !== void 0) found = { totp: totp2, entry: entry2 };
  }
  if (found === void 0 || found.entry.used || !found.totp.verified) {
    const why = found === void 0 ? "is not one of the user's recovery codes" : found.entry.used ? "has already been used" : "belongs to a TOTP that has not been verified yet";
    return yield* fail5("unable_to_authenticate_recovery_code", `The recovery code ${why}.`, 401);
  }
  const { entry, totp } = found;
  const commit = yield* prepareSession(
    ctx,
    user,
    // Each code is used once, so an id minted at use identifies it for good.
    factor(ctx, "recovery_codes", "recovery_code", {
      recovery_code_factor: { totp_recovery_code_id: newId("totp-recovery-code", ctx.store.settings.projectId) }
    }),
    req
  );
  entry.used = true;
  const { session, session_jwt, session_token } = commit();
  return {
    totp_id: totp.totp_id,
    user_id: user.user_id,
    session_token,
    session_jwt,
    user: userWire(user),
    ...session === void 0 ? {} : { session }
  };
});
var totpsHandlers = {
  "totps.create": create3,
  "totps.authenticate": authenticate6,
  "totps.recoveryCodes": recoveryCodes,
  "totps.recover": recover
};

// src/emulator/handlers/users.ts
import * as Effect32 from "effect/Effect";
var mergeMetadata2 = (current, patch) => {
  if (patch === void 0) return current;
  const out = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};
var create4 = (ctx, req) => Effect32.gen(function* () {
  const { store } = ctx;
  if (req.email === void 0 && req.phone_number === void 0) {
    return yield* fail5("missing_email_or_phone_number", "An email or a phone_number is required.", 400);
  }
  if (req.email !== void 0) yield* checkEmail(req.email);
  if (req.phone_number !== void 0) yield* checkPhone(req.phone_number);
  if (req.email !== void 0 && store.userByEmail(req.email)) return yield* fail5("duplicate_email");
  if (req.phone_number !== void 0 && store.userByPhone(req.phone_number)) {
    return yield* fail5("duplicate_phone_number");
  }
  if (req.external_id !== void 0 && store.externalIdIndex.has(req.external_id)) {
    return yield* fail5("duplicate_user_external_id");
  }
  const user = newUser(ctx, req.create_user_as_pending ? "pending" : "active");
  const email = req.email === void 0 ? void 0 : addEmail(store, user, req.email, false);
  const phone = req.phone_number === void 0 ? void 0 : addPhone(store, user, req.phone_number, false);
  if (req.name !== void 0) user.name = { ...req.name };
  user.trusted_metadata = mergeMetadata2({}, req.trusted_metadata);
  user.untrusted_metadata = mergeMetadata2({}, req.untrusted_metadata);
  if (req.external_id !== void 0) user.external_id = req.external_id;
  if (req.roles !== void 0) user.roles = [...req.roles];
  insertUser(store, user);
  return {
    user_id: user.user_id,
    email_id: email?.email_id ?? "",
    status: user.status,
    phone_id: phone?.phone_id ?? "",
    user: userWire(user)
  };
});
var get2 = (ctx, req) => Effect32.map(getUser(ctx.store, req.user_id), (user) => ({ ...userWire(user), user_id: user.user_id }));
var lower = (s) => s.toLowerCase();
var fullName = (u) => [u.name?.first_name, u.name?.middle_name, u.name?.last_name].filter(Boolean).join(" ").toLowerCase();
var FILTER_NAMES = /* @__PURE__ */ new Set([
  "created_at_greater_than",
  "created_at_less_than",
  "created_at_between",
  "status",
  "oauth_provider",
  "user_id",
  "full_name_fuzzy",
  "phone_number",
  "phone_id",
  "phone_verified",
  "phone_number_fuzzy",
  "email_address",
  "email_id",
  "email_verified",
  "email_address_fuzzy",
  "webauthn_registration_verified",
  "webauthn_registration_id",
  "crypto_wallet_id",
  "crypto_wallet_address",
  "crypto_wallet_verified",
  "totp_id",
  "totp_verified",
  "password_exists"
]);
var matchOperand = (u, op) => {
  const v = op.filter_value;
  const within = (values, candidates) => candidates.some((c) => values.includes(c));
  switch (op.filter_name) {
    case "created_at_greater_than":
      return u.created_at > Date.parse(v);
    case "created_at_less_than":
      return u.created_at < Date.parse(v);
    case "created_at_between":
      return u.created_at > Date.parse(v.greater_than) && u.created_at < Date.parse(v.less_than);
    case "status":
      return u.status === v;
    case "oauth_provider":
      return u.providers.some((p) => v.includes(p.provider_type));
    case "user_id":
      return v.includes(u.user_id);
    case "full_name_fuzzy":
      return fullName(u).includes(lower(v));
    case "phone_number":
      return within(v, u.phone_numbers.map((p) => p.phone_number));
    case "phone_id":
      return within(v, u.phone_numbers.map((p) => p.phone_id));
    case "phone_verified":
      return u.phone_numbers.some((p) => p.verified === v);
    case "phone_number_fuzzy":
      return u.phone_numbers.some((p) => p.phone_number.includes(v));
    case "email_address":
      return within(v.map(lower), u.emails.map((e) => lower(e.email)));
    case "email_id":
      return within(v, u.emails.map((e) => e.email_id));
    case "email_verified":
      return u.emails.some((e) => e.verified === v);
    case "email_address_fuzzy":
      return u.emails.some((e) => lower(e.email).includes(lower(v)));
    case "webauthn_registration_verified":
      return u.webauthn_registrations.some((w) => w.verified === v);
    case "webauthn_registration_id":
      return within(v, u.webauthn_registrations.map((w) => w.webauthn_registration_id));
    case "crypto_wallet_id":
      return within(v, u.crypto_wallets.map((w) => w.crypto_wallet_id));
    case "crypto_wallet_address":
      return within(v.map(lower), u.crypto_wallets.map((w) => lower(w.crypto_wallet_address)));
    case "crypto_wallet_verified":
      return u.crypto_wallets.some((w) => w.verified === v);
    case "totp_id":
      return within(v, u.totps.map((t) => t.totp_id));
    case "totp_verified":
      return u.totps.some((t) => t.verified === v);
    case "password_exists":
      return u.password !== void 0 === v;
    default:
      return false;
  }
};
var encodeCursor = (u) => Buffer.from(JSON.stringify([u.created_at, u.user_id])).toString("base64url");
var decodeCursor = (cursor) => {
  try {
    const value2 = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value2) && typeof value2[0] === "number" && typeof value2[1] === "string" ? [value2[0], value2[1]] : void 0;
  } catch {
    return void 0;
  }
};
var byCreation = (a, b) => a.created_at - b.created_at || (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0);
var search = (ctx, req) => Effect32.gen(function* () {
  const limit = req.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1e3) {
    return yield* fail5("user_search_invalid_limit", "limit must be between 1 and 1000.", 400);
  }
  const after = req.cursor === void 0 || req.cursor === "" ? void 0 : decodeCursor(req.cursor);
  if (req.cursor !== void 0 && req.cursor !== "" && after === void 0) {
    return yield* fail5("user_search_invalid_cursor", "The cursor is not valid.", 400);
  }
  const query = req.query;
  if (query !== void 0 && query.operator !== "AND" && query.operator !== "OR") {
    return yield* fail5("user_search_invalid_operator", "operator must be AND or OR.", 400);
  }
  const operands = query?.operands ?? [];
  for (const op of operands) {
    if (!FILTER_NAMES.has(op.filter_name)) {
      return yield* fail5("user_search_filter_name_not_recognized", `Unknown filter_name: ${op.filter_name}.`, 400);
    }
    if (op.filter_value === void 0) {
      return yield* fail5("user_search_missing_filter_value", `filter_value is required for ${op.filter_name}.`, 400);
    }
  }
  const matches = (u) => operands.length === 0 || (query.operator === "AND" ? operands.every((o) => matchOperand(u, o)) : operands.some((o) => matchOperand(u, o)));
  const all5 = [...ctx.store.users.values()].filter(matches).sort(byCreation);
  const start = after === void 0 ? 0 : all5.findIndex((u) => byCreation(u, { created_at: after[0], user_id: after[1] }) > 0);
  const page = start < 0 ? [] : all5.slice(start, start + limit);
  const more = start >= 0 && start + limit < all5.length;
  return {
    results: page.map(userWire),
    results_metadata: {
      total: all5.length,
      ...more ? { next_cursor: encodeCursor(page[page.length - 1]) } : {}
    }
  };
});
var update = (ctx, req) => Effect32.gen(function* () {
  const user = yield* getUser(ctx.store, req.user_id);
  if (req.external_id !== void 0 && req.external_id !== user.external_id && ctx.store.externalIdIndex.has(req.external_id)) {
    return yield* fail5("duplicate_user_external_id");
  }
  if (req.name !== void 0) user.name = { ...user.name, ...req.name };
  user.trusted_metadata = mergeMetadata2(user.trusted_metadata, req.trusted_metadata);
  user.untrusted_metadata = mergeMetadata2(user.untrusted_metadata, req.untrusted_metadata);
  if (req.external_id !== void 0) {
    if (user.external_id !== void 0) ctx.store.externalIdIndex.delete(user.external_id);
    user.external_id = req.external_id;
    ctx.store.externalIdIndex.set(req.external_id, user.user_id);
  }
  if (req.roles !== void 0) user.roles = [...req.roles];
  const wire = userWire(user);
  return {
    user_id: user.user_id,
    emails: wire.emails,
    phone_numbers: wire.phone_numbers,
    crypto_wallets: wire.crypto_wallets,
    user: wire
  };
});
var exchangePrimaryFactor = (ctx, req) => Effect32.gen(function* () {
  const { store } = ctx;
  const user = yield* getUser(store, req.user_id);
  if (req.email_address === void 0 === (req.phone_number === void 0)) {
    return yield* fail5(
      "invalid_exchange_primary_factor_fields",
      "Exactly one of email_address or phone_number is required.",
      400
    );
  }
  if (user.emails.length + user.phone_numbers.length !== 1) {
    return yield* fail5(
      "invalid_exchange_primary_factor_user",
      "The primary factor can only be exchanged on a user with exactly one email or phone number.",
      400
    );
  }
  if (req.email_address !== void 0) {
    yield* checkEmail(req.email_address);
    if (store.userByEmail(req.email_address)) return yield* fail5("duplicate_email");
  } else {
    yield* checkPhone(req.phone_number);
    if (store.userByPhone(req.phone_number)) return yield* fail5("duplicate_phone_number");
  }
  for (const e of user.emails) store.emailIndex.delete(e.email.toLowerCase());
  for (const p of user.phone_numbers) store.phoneIndex.delete(p.phone_number);
  user.emails = [];
  user.phone_numbers = [];
  if (req.email_address !== void 0) addEmail(store, user, req.email_address, true);
  else addPhone(store, user, req.phone_number, true);
  return { user_id: user.user_id, user: userWire(user) };
});
var deleteUser = (ctx, req) => Effect32.map(getUser(ctx.store, req.user_id), (user) => {
  ctx.store.deleteUser(user);
  return { user_id: user.user_id };
});
var deleteFactor = (notFound, find, remove) => (ctx) => Effect32.suspend(() => {
  const user = [...ctx.store.users.values()].find(find);
  if (user === void 0) return fail5(notFound);
  remove(ctx, user);
  return Effect32.succeed({ user_id: user.user_id, user: userWire(user) });
});
var usersHandlers = {
  "users.create": create4,
  "users.get": get2,
  "users.search": search,
  "users.update": update,
  "users.exchangePrimaryFactor": exchangePrimaryFactor,
  "users.delete": deleteUser,
  "users.deleteEmail": (ctx, { email_id }) => deleteFactor("email_not_found", (u) => u.emails.some((e) => e.email_id === email_id), (ctx2, u) => {
    for (const e of u.emails) if (e.email_id === email_id) ctx2.store.emailIndex.delete(e.email.toLowerCase());
    u.emails = u.emails.filter((e) => e.email_id !== email_id);
    ctx2.store.otps.delete(email_id);
  })(ctx),
  "users.deletePhoneNumber": (ctx, { phone_id }) => deleteFactor("phone_number_not_found", (u) => u.phone_numbers.some((p) => p.phone_id === phone_id), (ctx2, u) => {
    for (const p of u.phone_numbers) if (p.phone_id === phone_id) ctx2.store.phoneIndex.delete(p.phone_number);
    u.phone_numbers = u.phone_numbers.filter((p) => p.phone_id !== phone_id);
    ctx2.store.otps.delete(phone_id);
  })(ctx),
  "users.deleteWebAuthnRegistration": (ctx, { webauthn_registration_id: id }) => deleteFactor(
    "webauthn_registration_not_found",
    (u) => u.webauthn_registrations.some((w) => w.webauthn_registration_id === id),
    (_, u) => {
      u.webauthn_registrations = u.webauthn_registrations.filter((w) => w.webauthn_registration_id !== id);
    }
  )(ctx),
  "users.deleteBiometricRegistration": (ctx, { biometric_registration_id: id }) => deleteFactor(
    "biometric_registration_not_found",
    (u) => u.biometric_registrations.some((b) => b.biometric_registration_id === id),
    (_, u) => {
      u.biometric_registrations = u.biometric_registrations.filter((b) => b.biometric_registration_id !== id);
    }
  )(ctx),
  "users.deleteTOTP": (ctx, { totp_id }) => deleteFactor("totp_not_found", (u) => u.totps.some((t) => t.totp_id === totp_id), (_, u) => {
    u.totps = u.totps.filter((t) => t.totp_id !== totp_id);
  })(ctx),
  "users.deleteCryptoWallet": (ctx, { crypto_wallet_id: id }) => deleteFactor("crypto_wallet_not_found", (u) => u.crypto_wallets.some((w) => w.crypto_wallet_id === id), (_, u) => {
    u.crypto_wallets = u.crypto_wallets.filter((w) => w.crypto_wallet_id !== id);
  })(ctx),
  "users.deletePassword": (ctx, { password_id }) => deleteFactor("password_not_found", (u) => u.password?.password_id === password_id, (_, u) => {
    u.password = void 0;
  })(ctx),
  "users.deleteOAuthRegistration": (ctx, { oauth_user_registration_id: id }) => deleteFactor(
    "oauth_user_registration_not_found",
    (u) => u.providers.some((p) => p.oauth_user_registration_id === id),
    (_, u) => {
      u.providers = u.providers.filter((p) => p.oauth_user_registration_id !== id);
    }
  )(ctx),
  "users.deleteExternalId": (ctx, { user_id }) => Effect32.map(getUser(ctx.store, user_id), (user) => {
    if (user.external_id !== void 0) ctx.store.externalIdIndex.delete(user.external_id);
    user.external_id = void 0;
    return { user_id: user.user_id, user: userWire(user) };
  })
};

// src/emulator/handlers/index.ts
var handlers = {
  ...usersHandlers,
  ...sessionsHandlers,
  ...passwordsHandlers,
  ...magicLinksHandlers,
  ...otpsHandlers,
  ...oauthHandlers,
  ...totpsHandlers
};

// src/emulator/Emulator.ts
var StytchEmulator = class extends Context21.Tag("effect-stytch/StytchEmulator")() {
};
var DEFAULT_PROJECT_ID = "project-test-00000000-0000-4000-8000-000000000000";
var DEFAULT_SECRET = "secret-test-emulator";
var inProcessBaseUrl = "http://stytch.emulator.local";
var make26 = (options = {}) => Effect33.sync(() => {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const secret = options.secret ?? DEFAULT_SECRET;
  const store = new Store({ ...defaultSettings(projectId, secret), ...options.settings });
  const keys = new SigningKeys(projectId);
  const faults = [];
  const matches = (m, f = {}) => (f.to === void 0 || m.to.toLowerCase() === f.to.toLowerCase()) && (f.kind === void 0 || m.kind === f.kind) && (f.channel === void 0 || m.channel === f.channel);
  const service = {
    projectId,
    secret: Redacted2.make(secret),
    handle: (request, baseUrl = inProcessBaseUrl) => handle(state, request, baseUrl),
    outbox: (filter) => Effect33.sync(() => store.outbox.filter((m) => matches(m, filter))),
    latestMessage: (filter) => Effect33.sync(() => store.outbox.findLast((m) => matches(m, filter))),
    reset: Effect33.sync(() => {
      store.clear();
      faults.length = 0;
    }),
    settings: Effect33.sync(() => ({ ...store.settings })),
    updateSettings: (patch) => Effect33.sync(() => {
      store.settings = { ...store.settings, ...patch, projectId, secret };
      return { ...store.settings };
    }),
    rotateKeys: Effect33.sync(() => keys.rotate()),
    failNext: (fault, count = 1) => Effect33.sync(() => {
      for (let i = 0; i < count; i++) faults.push(fault);
    }),
    mintOAuthToken: (request) => Effect33.flatMap(Effect33.clockWith((c) => c.currentTimeMillis), (now) => Effect33.sync(() => mintOAuthToken(store, now, request))),
    seedSession: (seed) => Effect33.gen(function* () {
      const now = yield* Effect33.clockWith((c) => c.currentTimeMillis);
      const ctx = { store, keys, now, request_id: "seeded", headers: {}, baseUrl: inProcessBaseUrl };
      const user = store.users.get(seed.user_id);
      if (user === void 0) return yield* Effect33.dieMessage(`seedSession: no user ${seed.user_id}`);
      const commit = yield* prepareSession(ctx, user, factor(ctx, "imported", "seeded"), {
        session_duration_minutes: seed.session_duration_minutes ?? 60,
        session_custom_claims: seed.custom_claims
      }).pipe(Effect33.orDieWith((failure) => new Error(`seedSession: ${failure.error_message}`)));
      const { session, session_jwt, session_token } = commit();
      return { session_token, session_jwt, session_id: session.session_id };
    })
  };
  const state = { store, keys, faults, handlers, control: makeControl(service) };
  return service;
});
var bodyText2 = (body) => {
  switch (body._tag) {
    case "Uint8Array":
      return new TextDecoder().decode(body.body);
    case "Raw":
      return typeof body.body === "string" ? body.body : "";
    default:
      return "";
  }
};
var LightResponse = class {
  constructor(answer) {
    this.answer = answer;
    this.status = answer.status;
    this.headers = answer.headers;
  }
  answer;
  status;
  headers;
  web() {
    return new Response(this.status === 204 ? null : this.answer.body, { status: this.status, headers: this.headers });
  }
  get body() {
    return this.web().body;
  }
  text() {
    return Promise.resolve(this.answer.body);
  }
  json() {
    return Promise.resolve().then(() => JSON.parse(this.answer.body));
  }
  arrayBuffer() {
    return Promise.resolve(new TextEncoder().encode(this.answer.body).buffer);
  }
  formData() {
    return this.web().formData();
  }
};
var httpClient = (emulator) => HttpClient3.make(
  (request, url) => emulator.handle(
    {
      method: request.method,
      url: url.pathname + url.search,
      headers: request.headers,
      body: bodyText2(request.body)
    },
    url.origin
  ).pipe(
    Effect33.map(
      (response) => HttpClientResponse.fromWeb(request, new LightResponse(response))
    ),
    Effect33.catchAllDefect(
      (cause) => Effect33.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
    )
  )
).pipe(
  // No network is involved: the SDK's own span per call ("Stytch.<endpoint>") says all there is to say.
  HttpClient3.withTracerDisabledWhen(() => true)
);
var layer22 = (options) => Layer22.effectContext(Effect33.map(make26(options), (emulator) => Context21.make(StytchEmulator, emulator).pipe(Context21.add(HttpClient3.HttpClient, httpClient(emulator)))));
var layerStytch = (options) => Layer22.unwrapEffect(Effect33.map(make26(options), (emulator) => {
  const emulatorLayer = Layer22.succeedContext(
    Context21.make(StytchEmulator, emulator).pipe(Context21.add(HttpClient3.HttpClient, httpClient(emulator)))
  );
  const { projectId: _p, secret: _s, settings: _settings, ...sdkOptions } = options ?? {};
  return layer21({
    ...sdkOptions,
    projectId: emulator.projectId,
    secret: emulator.secret,
    baseUrl: inProcessBaseUrl,
    fraudBaseUrl: inProcessBaseUrl
  }).pipe(Layer22.provideMerge(emulatorLayer));
}));
var readBody = (req) => new Promise((resolve, reject) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  req.on("error", reject);
});
var serve = (options = {}) => Effect33.gen(function* () {
  const emulator = yield* StytchEmulator;
  const runtime2 = yield* Effect33.runtime();
  const run = Runtime.runPromise(runtime2);
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer((req, res) => {
    readBody(req).then((body) => {
      const headers = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const baseUrl = `http://${req.headers.host ?? `${host}`}`;
      return run(emulator.handle({ method: req.method ?? "GET", url: req.url ?? "/", headers, body }, baseUrl));
    }).then((response) => {
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    }).catch(() => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("emulator failure");
    });
  });
  server.keepAliveTimeout = 5e3;
  const port = yield* Effect33.acquireRelease(
    Effect33.async((resume) => {
      server.once("error", (error) => resume(Effect33.fail(error)));
      server.listen(options.port ?? 0, host, () => resume(Effect33.succeed(server.address().port)));
    }),
    () => Effect33.async((resume) => {
      server.closeAllConnections();
      server.close(() => resume(Effect33.void));
    })
  );
  return { url: `http://${host}:${port}`, port };
});
var EmulatorServer = class extends Context21.Tag("effect-stytch/EmulatorServer")() {
};
var layerServer = (options = {}) => {
  const emulator = Layer22.effect(StytchEmulator, make26(options));
  return Layer22.scoped(EmulatorServer, serve({ port: options.port })).pipe(Layer22.provideMerge(emulator));
};

// ../../tmp/p/emu.ts
var n = 0;
var prog = Effect34.gen(function* () {
  const users2 = yield* Users_exports.Users;
  const pair = Effect34.flatMap(Effect34.suspend(() => users2.create({ email: `load-${n++}@example.com` })), (c) => users2.get({ user_id: c.user_id }));
  for (let r = 0; r < 8; r++) {
    const t = performance.now();
    yield* Effect34.all(Array.from({ length: 1e3 }, () => pair), { concurrency: 16 });
    console.log("2000 requests:", (2e3 / (performance.now() - t) * 1e3).toFixed(0), "req/s");
  }
}).pipe(Effect34.provide(Emulator_exports.layerStytch()));
Effect34.runPromise(prog);
