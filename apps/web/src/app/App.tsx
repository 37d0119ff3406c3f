import { AuthProvider } from '../auth/AuthProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { Layout } from './Layout';
import { Pages } from './Pages';
import { useRoute } from './router';

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </I18nProvider>
  );
}

function Shell() {
  const route = useRoute();
  // The hall projector is full screen: no header, navigation or footer on the wall.
  if (route.name === 'projector') {
    return (
      <main id="main" className="projector-main" tabIndex={-1}>
        <Pages route={route} />
      </main>
    );
  }
  return (
    <Layout route={route}>
      <Pages route={route} />
    </Layout>
  );
}
