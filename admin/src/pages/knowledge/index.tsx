// 知识库 (admins only): the FAQ articles the support bot answers from, with a 试一试 box, and the
// product relations it recommends by.
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { FaqTab } from './faq-tab';
import { RelationsTab } from './relations-tab';

export default function KnowledgePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'relations' ? 'relations' : 'faq';
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'faq' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'faq', label: '常见问题 FAQ', children: <FaqTab /> },
          { key: 'relations', label: '商品关系', children: <RelationsTab /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
