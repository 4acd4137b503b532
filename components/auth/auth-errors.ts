/** better-auth's client resolves to `{ error: { code, message, status } }` instead of throwing. */
export interface AuthClientError {
  code?: string | undefined;
  message?: string | undefined;
  status?: number;
}

export interface AuthFormErrors {
  fieldErrors: Partial<Record<"name" | "email" | "password" | "workspaceName", string>>;
  formError: string | null;
}

/** Puts each better-auth error code beside the field it is about; anything else becomes a form-level message. */
export function authErrorToForm(error: AuthClientError): AuthFormErrors {
  const code = error.code ?? "";
  if (code.startsWith("USER_ALREADY_EXISTS")) return { fieldErrors: { email: "An account with this email already exists" }, formError: null };
  if (code === "INVALID_EMAIL") return { fieldErrors: { email: "Enter a valid email address" }, formError: null };
  if (code === "PASSWORD_TOO_SHORT") return { fieldErrors: { password: "Use at least 8 characters" }, formError: null };
  if (code === "PASSWORD_TOO_LONG") return { fieldErrors: { password: "Use at most 128 characters" }, formError: null };
  // Deliberately not attributed to one field: saying which part was wrong would confirm the account exists.
  if (code === "INVALID_EMAIL_OR_PASSWORD") return { fieldErrors: {}, formError: "That email and password do not match an account" };
  if (error.status === 429) return { fieldErrors: {}, formError: "Too many attempts. Wait a minute and try again" };
  return { fieldErrors: {}, formError: error.message || "Something went wrong. Try again" };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What can be checked before a round trip; the server checks all of it again. */
export function validateCredentials(values: { email: string; password: string }, options: { isSignUp: boolean }) {
  const errors: AuthFormErrors["fieldErrors"] = {};
  if (!values.email.trim()) errors.email = "Enter your email address";
  else if (!emailPattern.test(values.email.trim())) errors.email = "Enter a valid email address";
  if (!values.password) errors.password = options.isSignUp ? "Choose a password" : "Enter your password";
  else if (options.isSignUp && values.password.length < 8) errors.password = "Use at least 8 characters";
  return errors;
}
