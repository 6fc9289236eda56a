import { Box, Typography } from '@mui/material';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useTranslate,
} from 'react-admin';

/**
 * react-admin's login page with the product name, a hint that the user name is the work
 * e-mail, and the language switch (the app bar is not there yet to offer it).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('auth.appTitle')}
      </Typography>
      <LoginForm>
        <TextInput
          autoFocus
          source="username"
          type="email"
          label="ra.auth.username"
          helperText="auth.login.emailHint"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};

export default LoginPage;
