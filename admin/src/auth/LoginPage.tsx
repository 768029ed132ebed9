import { Card, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './AuthContext';
import { LoginForm } from './LoginForm';

/** `/admin/login?from=/orders` — back to the page the user was on once signed in. */
export function LoginPage() {
  const auth = useAuth();
  const nav = useNavigate();
  const from = new URLSearchParams(useLocation().search).get('from');
  const target = from && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
  if (auth.user) return <Navigate to={target} replace />;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg,#e6f4ff,#f6ffed)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          品牌后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          商品 · 门店 · 配送 · 订单 · 调度 · 看板
        </Typography.Paragraph>
        <LoginForm
          onSignedIn={(res) => {
            auth.signedIn(res);
            nav(target, { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
